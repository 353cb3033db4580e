package io.mlpipe.cli.commands;

import io.mlpipe.cli.CliException;
import io.mlpipe.cli.pipeline.ModelName;
import io.mlpipe.cli.pipeline.ModelVersions;
import io.mlpipe.cli.connection.Pipeline;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

@Command(name = "models", mixinStandardHelpOptions = true,
        description = {"The models, or one model's versions: metric, approval in the model registry, champion.",
                "Read from the models table and the SageMaker model registry."})
public final class ModelsCommand extends PipelineCommand {
    @Parameters(arity = "0..1", paramLabel = "NAME", description = "A model (default: list every model and its champion).")
    String name;

    @Override
    int run(Pipeline pipeline) {
        if (name == null) {
            List<String> names = ModelVersions.names(pipeline);
            if (names.isEmpty()) {
                out().println("(no models yet: ./mlpipe upload FILE --model NAME trains one, ./mlpipe demo shows how)");
            } else {
                out().printf("%-24s %8s %-10s %-12s %s%n", "MODEL", "VERSIONS", "CHAMPION", "METRIC", "VALUE");
                for (String model : names) {
                    ModelVersions.Model m = ModelVersions.of(pipeline, model);
                    ModelVersions.Champion c = m.champion();
                    out().printf("%-24s %8d %-10s %-12s %s%n", model, m.versions().size(), c == null ? "-" : c.version(),
                            c == null ? "-" : c.metricName(), c == null ? "-" : c.metricValue());
                }
            }
            out().flush();
            return 0;
        }
        ModelVersions.Model model = ModelVersions.of(pipeline, ModelName.check(name));
        if (model.versions().isEmpty() && model.champion() == null) {
            throw new CliException("no model named " + name + ": ./mlpipe models lists them");
        }
        print(pipeline, model, out());
        return 0;
    }

    /** One model's versions (also the demo's summary). */
    static void print(Pipeline pipeline, ModelVersions.Model model, PrintWriter out) {
        ModelVersions.Champion champion = model.champion();
        out.println("model " + model.name() + (champion == null ? " (no champion)"
                : " — champion " + champion.version() + " (" + champion.problemType() + ", endpoint " + champion.endpointName() + ")"));
        out.printf("  %-8s %-8s %-22s %-10s %-10s %s%n", "VERSION", "METRIC", "VALUE", "TABLE", "REGISTRY", "CREATED");
        for (ModelVersions.Version v : model.versions()) {
            boolean isChampion = champion != null && v.version().equals(champion.version());
            out.printf("  %-8s %-8s %-22s %-10s %-10s %s%s%n", v.version(), v.metricName(), v.metricValue(), v.approval(),
                    registryStatus(pipeline, v.modelPackageArn()), v.createdAt(), isChampion ? "  ★ champion" : "");
        }
        out.flush();
    }

    /** The model package's approval status in the registry ("?" when it cannot be read). */
    private static String registryStatus(Pipeline pipeline, String modelPackageArn) {
        if (modelPackageArn == null) {
            return "-";
        }
        try {
            return pipeline.sageMaker().describeModelPackage(r -> r.modelPackageName(modelPackageArn)).modelApprovalStatusAsString();
        } catch (AwsServiceException e) {
            return "?";
        }
    }
}
