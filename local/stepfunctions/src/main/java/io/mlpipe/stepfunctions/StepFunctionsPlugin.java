package io.mlpipe.stepfunctions;

import io.mlpipe.stepfunctions.integrations.TwinIntegrations;
import io.mlpipe.twin.edge.Route;
import io.mlpipe.twin.spi.StateMachineDefinition;
import io.mlpipe.twin.spi.TwinContext;
import io.mlpipe.twin.spi.TwinPlugin;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * The twin's Step Functions: the AWS API on the edge ({@code X-Amz-Target: AWSStepFunctions.*}, any
 * host, so StartSyncExecution's {@code sync-} prefix does not matter), the template's state machines,
 * the EventBridge rules' state machine targets, and the ASL engine running executions durably under
 * {@code <data>/stepfunctions/} with the twin's wait scale and service integrations.
 *
 * <pre>{@code
 * try (Twin twin = Twin.builder().dataDirectory(Path.of(".mlpipe")).waitScale(0.01)
 *         .template(Path.of("workflow/target/cdk.out/Mlpipe.template.json"))
 *         .plugin(new StepFunctionsPlugin()).build().start()) { ... }
 * }</pre>
 */
public final class StepFunctionsPlugin implements TwinPlugin {
    private static final Logger LOG = Logger.getLogger(StepFunctionsPlugin.class.getName());

    private TwinIntegrations integrations;
    private Executions executions;
    private StateMachines machines;
    private StepFunctionsApi api;

    @Override
    public String name() {
        return "stepfunctions";
    }

    @Override
    public void start(TwinContext context) {
        Path data = context.dataDirectory("stepfunctions");
        Arns arns = new Arns(context.region(), context.account());
        integrations = new TwinIntegrations(context.endpoint(), context.region(), context.lambda());
        machines = new StateMachines(data.resolve("state-machines"));
        executions = new Executions(data.resolve("executions"), arns, integrations, context.waitScale(),
                new StatusChangeEvents(context.region(), context.account(), context::putEvent));
        api = new StepFunctionsApi(machines, executions, arns);
        context.route(new Route("stepfunctions", Route.target("AWSStepFunctions"), api.service()));
        context.health("stepfunctions", () -> "running");
        context.stateMachines(this::register, (arn, input, role) -> api.start(arn, null, input).arn());
        executions.loadAndResume();
    }

    /** A state machine of the template: created, or updated in place as a stack update would. */
    private void register(StateMachineDefinition template) {
        StateMachine existing = machines.get(template.name());
        StateMachine machine = existing == null
                ? api.create(template.name(), template.definition(), template.roleArn(), template.type(), null)
                : api.update(existing, template.definition(), template.roleArn(), null);
        if (!machine.arn().equals(template.arn())) {
            LOG.warning("the template names state machine " + template.name() + " " + template.arn()
                    + " but the service serves it as " + machine.arn());
        }
    }

    @Override
    public void close() {
        if (executions != null) {
            executions.close();
        }
        if (integrations != null) {
            integrations.close();
        }
    }
}
