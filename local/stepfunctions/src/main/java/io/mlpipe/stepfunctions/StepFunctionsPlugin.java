package io.mlpipe.stepfunctions;

import io.mlpipe.stepfunctions.integrations.ResumedStates;
import io.mlpipe.stepfunctions.integrations.TwinIntegrations;
import io.mlpipe.twin.edge.Route;
import io.mlpipe.twin.spi.StateMachineDefinition;
import io.mlpipe.twin.spi.TwinContext;
import io.mlpipe.twin.spi.TwinPlugin;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
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

    static final long RESUME_FALLBACK_SECONDS = 10;

    private final CountDownLatch templateStateMachine = new CountDownLatch(1);
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
        ResumedStates resumed = new ResumedStates();
        integrations = new TwinIntegrations(context.endpoint(), context.region(), context.lambda(), resumed);
        machines = new StateMachines(data.resolve("state-machines"));
        executions = new Executions(data.resolve("executions"), arns, integrations, resumed, context.waitScale(),
                new StatusChangeEvents(context.region(), context.account(), context::putEvent));
        api = new StepFunctionsApi(machines, executions, arns);
        context.route(new Route("stepfunctions", Route.target("AWSStepFunctions"), api.service()));
        context.health("stepfunctions", () -> "running");
        context.stateMachines(this::register, (arn, input, role) -> api.start(arn, null, input).arn());
        executions.load();
        Thread resume = new Thread(this::resumeWhenTemplateIsLoaded, "stepfunctions-resume");
        resume.setDaemon(true);
        resume.start();
    }

    /**
     * Executions that were running when the twin stopped continue once the services they call exist again.
     * The twin starts plugins before it loads its template, and Lambda functions live in memory: the template
     * loader creates functions, tables and queues before it hands over the first state machine, so that is
     * the moment to resume. A twin without a template (or without state machines in it) never hands one
     * over: then resume after {@link #RESUME_FALLBACK_SECONDS}.
     */
    private void resumeWhenTemplateIsLoaded() {
        try {
            templateStateMachine.await(RESUME_FALLBACK_SECONDS, TimeUnit.SECONDS);
            executions.resumeRunning();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "resuming executions failed", e);
        }
    }

    /** A state machine of the template: created, or updated in place as a stack update would. */
    private void register(StateMachineDefinition template) {
        try {
            registerOrUpdate(template);
        } finally {
            templateStateMachine.countDown();
        }
    }

    private void registerOrUpdate(StateMachineDefinition template) {
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
