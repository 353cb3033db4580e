package io.mlpipe.cli.commands;

import io.mlpipe.cli.CliException;
import io.mlpipe.cli.local.LocalTwin;
import io.mlpipe.cli.connection.Pipeline;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;

@Command(name = "logs", mixinStandardHelpOptions = true,
        description = {"What a Lambda function or a SageMaker training job printed.",
                "FUNCTION: preprocess, inference (or the full function name); TRAININGJOB: its name (./mlpipe history shows it)."})
public final class LogsCommand extends PipelineCommand {
    @Parameters(paramLabel = "FUNCTION|TRAININGJOB")
    String name;

    @Override
    int run(Pipeline pipeline) {
        out().print(pipeline.onAws() ? fromCloudWatch(pipeline) : fromTwin(pipeline));
        out().flush();
        return 0;
    }

    private String notFound(Pipeline pipeline) {
        return "no function or training job named " + name + ": functions are " + String.join(", ", pipeline.resources().functions().keySet())
                + "; training jobs are named on the Train line of ./mlpipe watch and ./mlpipe history EXECUTION";
    }

    private String fromTwin(Pipeline pipeline) {
        URI uri = URI.create(pipeline.resources().endpoint() + LocalTwin.LOGS_PATH + URLEncoder.encode(name, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                throw new CliException(notFound(pipeline));
            }
            if (response.statusCode() != 200) {
                throw new CliException("the twin answered " + response.statusCode() + " for " + uri + ": " + response.body());
            }
            return response.body().isEmpty() ? "(" + name + " has printed nothing yet)\n" : response.body();
        } catch (java.io.IOException e) {
            throw new CliException("the twin at " + pipeline.resources().endpoint() + " did not answer: start it with ./mlpipe up");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
    }

    /** A function's log group (its LoggingConfig, else /aws/lambda/NAME), or the training jobs' group and stream prefix. */
    private String fromCloudWatch(Pipeline pipeline) {
        String function = pipeline.resources().functions().getOrDefault(name,
                pipeline.resources().functions().containsValue(name) ? name : null);
        String group;
        String streamPrefix = null;
        if (function != null) {
            try (LambdaClient lambda = pipeline.clients().lambda()) {
                GetFunctionConfigurationResponse config = lambda.getFunctionConfiguration(r -> r.functionName(function));
                group = config.loggingConfig() != null && config.loggingConfig().logGroup() != null
                        ? config.loggingConfig().logGroup() : "/aws/lambda/" + function;
            }
        } else {
            group = "/aws/sagemaker/TrainingJobs";
            streamPrefix = name + "/";
        }
        StringBuilder text = new StringBuilder();
        String prefix = streamPrefix;
        try (CloudWatchLogsClient logs = pipeline.clients().logs()) {
            logs.filterLogEventsPaginator(r -> r.logGroupName(group).logStreamNamePrefix(prefix)).events()
                    .forEach(e -> text.append(e.message().endsWith("\n") ? e.message() : e.message() + "\n"));
        } catch (ResourceNotFoundException e) {
            throw new CliException(notFound(pipeline));
        }
        if (text.isEmpty() && function == null) {
            throw new CliException(notFound(pipeline));
        }
        return text.toString();
    }
}
