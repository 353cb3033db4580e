package io.mlpipe.console;

import io.mlpipe.console.api.ExecutionDetail;
import io.mlpipe.console.api.ExecutionList;
import io.mlpipe.console.api.ExecutionModels;
import io.mlpipe.console.api.ModelOverview;
import io.mlpipe.console.api.RecentPredictions;
import io.mlpipe.console.api.StateMachineGraph;
import io.mlpipe.console.http.ConsoleHandler;
import io.mlpipe.console.http.JsonApi;
import io.mlpipe.console.http.StaticFiles;
import io.mlpipe.twin.edge.Route;
import io.mlpipe.twin.spi.TwinContext;
import io.mlpipe.twin.spi.TwinPlugin;
import java.util.Map;

/**
 * The execution console on the twin's edge, at {@code /_mlpipe/console/} (the twin's default
 * {@code consoleUrl}): pages for executions, one execution's graph and history, models and
 * predictions, and their JSON API under {@code api/}. The API reads the twin the way a user does,
 * through its AWS APIs on the edge, so it needs nothing but the edge.
 *
 * <pre>{@code
 * Twin.builder()...plugin(new StepFunctionsPlugin()).plugin(new ConsolePlugin()).build().start();
 * }</pre>
 */
public final class ConsolePlugin implements TwinPlugin {
    public static final String PATH = "/_mlpipe/console/";

    private TwinClients clients;

    @Override
    public String name() {
        return "console";
    }

    @Override
    public void start(TwinContext context) {
        clients = new TwinClients(context.endpoint(), context.region());
        ExecutionModels models = new ExecutionModels(clients.sfn());
        PipelineTables tables = new PipelineTables(clients.dynamoDb());
        Map<String, JsonApi> api = Map.of(
                "executions", new ExecutionList(clients.sfn(), models),
                "execution", new ExecutionDetail(clients.sfn(), models),
                "graph", new StateMachineGraph(clients.sfn()),
                "models", new ModelOverview(clients.dynamoDb(), clients.sageMaker(), tables),
                "predictions", new RecentPredictions(clients.dynamoDb(), tables));
        context.route(new Route("console", Route.pathPrefix(PATH.substring(0, PATH.length() - 1)),
                new ConsoleHandler(PATH, api, new StaticFiles())));
        context.health("console", () -> "running");
    }

    @Override
    public void close() {
        if (clients != null) {
            clients.close();
        }
    }
}
