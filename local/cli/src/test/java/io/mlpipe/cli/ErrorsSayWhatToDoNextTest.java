package io.mlpipe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ErrorsSayWhatToDoNextTest {

    /** A port nothing listens on (bound, then released). */
    private static URI nothingListening() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    @Test
    void everyTwinCommandSaysHowToStartTheTwinWhenItIsNotRunning() throws Exception {
        URI down = nothingListening();
        String[][] commands = {{"info"}, {"info", "--json"}, {"watch"}, {"executions"}, {"models"}, {"history", "x"},
                {"predict", "--model", "churn", "--row", "a=1"}, {"logs", "preprocess"}, {"run", "--model", "churn"},
                {"upload", "pom.xml", "--model", "churn"}};
        for (String[] command : commands) {
            Cli.Result result = Cli.on(down, command);
            assertEquals(1, result.status(), () -> String.join(" ", command) + ": " + result);
            assertEquals("mlpipe: the twin is not running at " + down + ": start it with ./mlpipe up (in another terminal),"
                    + " or run ./mlpipe demo; for AWS add --aws\n", result.err(), String.join(" ", command));
            assertEquals("", result.out(), String.join(" ", command));
        }
    }

    @Test
    void withAwsMissingCredentialsAreNamedWithTheCommandThatChecksThem() {
        Cli.Result info = Cli.run("info", "--aws", "--profile", "mlpipe-no-such-profile", "--region", "eu-west-1");
        assertEquals(1, info.status(), info::toString);
        assertTrue(info.err().startsWith("mlpipe: cannot read the stack Mlpipe from AWS CloudFormation in eu-west-1: "), info.err());
        assertTrue(info.err().contains("check your credentials (aws sts get-caller-identity --profile mlpipe-no-such-profile)"),
                info.err());
    }

    @Test
    void unknownModelsAndExecutionsPointToTheListingCommands() {
        Cli.Result model = Cli.onTwin("models", "nosuchmodel");
        assertEquals(1, model.status());
        assertEquals("mlpipe: no model named nosuchmodel: ./mlpipe models lists them\n", model.err());

        Cli.Result predict = Cli.onTwin("predict", "--model", "nosuchmodel", "--row", "a=1");
        assertEquals(1, predict.status());
        assertTrue(predict.err().startsWith("mlpipe: the API answered 404: ") && predict.err().endsWith(": ./mlpipe models lists the models\n"),
                predict.err());

        Cli.Result watch = Cli.onTwin("watch", "nosuchexecution");
        assertEquals(1, watch.status());
        assertTrue(watch.err().startsWith("mlpipe: no execution arn:aws:states:") && watch.err().endsWith(": ./mlpipe executions lists them\n"),
                watch.err());

        Cli.Result run = Cli.onTwin("run", "--model", "nodata");
        assertEquals(1, run.status());
        assertTrue(run.err().contains("no data for model nodata under s3://") && run.err().contains("./mlpipe upload FILE --model nodata"),
                run.err());
    }

    @Test
    void badArgumentsAreRefusedBeforeAnythingHappens() {
        Cli.Result name = Cli.onTwin("upload", "pom.xml", "--model", "Bad_Name");
        assertEquals(1, name.status());
        assertTrue(name.err().startsWith("mlpipe: invalid model name Bad_Name: use lower case letters"), name.err());

        Cli.Result notCsv = Cli.onTwin("upload", "pom.xml", "--model", "churn");
        assertEquals(1, notCsv.status());
        assertTrue(notCsv.err().contains("pom.xml does not end with .csv"), notCsv.err());

        Cli.Result missing = Cli.onTwin("upload", "no-such-file.csv", "--model", "churn");
        assertEquals(1, missing.status());
        assertTrue(missing.err().startsWith("mlpipe: cannot read no-such-file.csv"), missing.err());

        Cli.Result usage = Cli.run("predict", "--model", "churn");
        assertEquals(2, usage.status(), "picocli's usage error");
        assertTrue(usage.err().contains("Missing required argument") && usage.err().contains("--file") && usage.err().contains("--row"),
                usage.err());
    }

    @Test
    void upRefusesAPortTakenByARunningTwinAndAMissingTemplate() {
        Cli.Result taken = Cli.run("up", "--port", String.valueOf(SharedTwin.endpoint().getPort()));
        assertEquals(1, taken.status());
        assertTrue(taken.err().contains("a twin is already running at " + SharedTwin.endpoint() + ": use it"), taken.err());

        Cli.Result noTemplate = Cli.run("up", "--port", "0", "--template", Path.of("target/none.template.json").toString());
        assertEquals(1, noTemplate.status());
        assertTrue(noTemplate.err().contains("no synthesized template at target/none.template.json: run ./mlpipe synth or mvn package first"),
                noTemplate.err());
    }
}
