package io.mlpipe.cli.local;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository the command runs from: where the synthesized template and the CDK CLI are. */
public final class RepositoryRoot {
    private RepositoryRoot() {
    }

    /**
     * The folder holding {@code cdk.json}: above this class's {@code local/cli/target/classes} (how ./mlpipe and
     * the tests run it), else above the working directory.
     */
    public static Path find() {
        try {
            Path classes = Path.of(RepositoryRoot.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path found = above(classes);
            if (found != null) {
                return found;
            }
        } catch (URISyntaxException | RuntimeException e) {
            // no code source (unusual class loader): the working directory decides
        }
        Path found = above(Path.of("").toAbsolutePath());
        return found != null ? found : Path.of("").toAbsolutePath();
    }

    private static Path above(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("cdk.json")) && Files.isDirectory(dir.resolve("workflow"))) {
                return dir;
            }
        }
        return null;
    }

    public static Path template() {
        return find().resolve("workflow/target/cdk.out/Mlpipe.template.json");
    }
}
