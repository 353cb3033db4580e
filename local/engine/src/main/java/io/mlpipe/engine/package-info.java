/**
 * The ASL engine: an Amazon States Language interpreter with no sockets, files or AWS SDK.
 *
 * <p>Parse and validate once, run many times:
 * <pre>{@code
 * StateMachineDefinition def = StateMachineDefinition.parse(json);      // DefinitionException lists Diagnostics
 * AslEngine engine = new AslEngine(EngineConfig.defaults()
 *         .withIntegration(services)        // one ServiceIntegration for every Task
 *         .withWaitScale(0));               // Wait states, Retry intervals, .sync polling
 * Execution ex = engine.start(def, new ExecutionRequest(arn, name, smArn, smName, roleArn, input, 0), listener);
 * engine.sendTaskSuccess(token, output);    // SendTaskSuccess / Failure / Heartbeat
 * ex.stop("Error", "Cause");                // StopExecution
 * ex.await(1, TimeUnit.MINUTES);            // DescribeExecution: ex.status(), ex.result()
 * ex.history();                             // GetExecutionHistory: HistoryEvent.toJson()
 * engine.resume(def, request, ResumePoint.of(lastCheckpoint), listener);   // after a restart
 * }</pre>
 *
 * <p>A DISTRIBUTED Map reads its items (ItemReader) and writes its results (ResultWriter) through
 * the same {@code ServiceIntegration}, as service "s3" with actions getObject / listObjectsV2 /
 * putObject; its child executions get their own history through
 * {@link io.mlpipe.engine.ExecutionListener#onChildExecution}.
 *
 * <p>Packages: {@code json} (JSONPath, payload templates, variables), {@code intrinsics} (one class
 * per States.* function), {@code jsonata} (JSONata with AWS's added functions), {@code choice}
 * (Choice rules), {@code states} (one class per state type and the parser/validator),
 * {@code runtime} (the executor, branches, history, task tokens), {@code spi} (what the host
 * provides: service integration, clock, randomness).
 */
package io.mlpipe.engine;
