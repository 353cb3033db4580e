package io.mlpipe.twin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.twin.apigateway.ApiGatewayService;
import io.mlpipe.twin.dynamodb.DynamoDbLocalServer;
import io.mlpipe.twin.dynamodb.DynamoDbService;
import io.mlpipe.twin.edge.EdgeRouter;
import io.mlpipe.twin.edge.EdgeServer;
import io.mlpipe.twin.edge.HealthHandler;
import io.mlpipe.twin.edge.ReverseProxy;
import io.mlpipe.twin.edge.Route;
import io.mlpipe.twin.events.EventBus;
import io.mlpipe.twin.events.EventTarget;
import io.mlpipe.twin.events.EventsService;
import io.mlpipe.twin.lambda.FunctionLogs;
import io.mlpipe.twin.lambda.Invocation;
import io.mlpipe.twin.lambda.LambdaFunctions;
import io.mlpipe.twin.lambda.LambdaService;
import io.mlpipe.twin.s3.EventBridgeBuckets;
import io.mlpipe.twin.s3.ObjectCreatedEvents;
import io.mlpipe.twin.s3.S3Server;
import io.mlpipe.twin.s3.S3Service;
import io.mlpipe.twin.sns.SnsService;
import io.mlpipe.twin.sns.SnsTopics;
import io.mlpipe.twin.spi.LambdaInvoker;
import io.mlpipe.twin.spi.StateMachineDefinition;
import io.mlpipe.twin.spi.StateMachineRegistry;
import io.mlpipe.twin.spi.StateMachineStarter;
import io.mlpipe.twin.spi.TwinContext;
import io.mlpipe.twin.spi.TwinPlugin;
import io.mlpipe.twin.sqs.SqsQueues;
import io.mlpipe.twin.sqs.SqsQueryService;
import io.mlpipe.twin.sqs.SqsService;
import io.mlpipe.twin.sqs.SqsTarget;
import io.mlpipe.twin.store.DataDirectoryLock;
import io.mlpipe.twin.store.JsonFile;
import io.mlpipe.twin.template.LoadedStack;
import io.mlpipe.twin.template.TemplateLoader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The local twin: every local service behind one edge port, all state under one data directory.
 *
 * <pre>{@code
 * try (Twin twin = Twin.builder().dataDirectory(Path.of(".mlpipe")).port(4566)
 *         .template(Path.of("workflow/target/cdk.out/Mlpipe.template.json"))
 *         .plugin(stepFunctionsPlugin).build().start()) {
 *     System.out.println(twin.info());
 * }
 * }</pre>
 */
public final class Twin implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Twin.class.getName());
    public static final String ACCOUNT = "000000000000";

    private final Builder config;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final HealthHandler health = new HealthHandler();
    private final EdgeRouter router = new EdgeRouter();
    private final List<StateMachineDefinition> unclaimedStateMachines = new CopyOnWriteArrayList<>();
    private volatile StateMachineRegistry stateMachineRegistry = unclaimedStateMachines::add;
    private volatile StateMachineStarter stateMachineStarter = (arn, input, role) -> {
        throw new EventTarget.TargetFailure("ServiceUnavailable", "no Step Functions service is plugged into the twin");
    };
    private EdgeServer edge;
    private EventBus bus;
    private SqsQueues queues;
    private SnsTopics topics;
    private LambdaFunctions lambdas;
    private S3Service s3;
    private ApiGatewayService apiGateway;
    private LoadedStack stack;
    private TwinInfo info;
    private long startupMillis;

    private Twin(Builder config) {
        this.config = config;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts every service, then the plugins, then loads the template. */
    public Twin start() throws Exception {
        long started = System.nanoTime();
        FunctionLogs.installRouting();
        Path data = config.dataDirectory.toAbsolutePath();
        Files.createDirectories(data);
        own(DataDirectoryLock.acquire(data));
        // the two slow starters get a thread each (the common pool has one thread on a 2-core machine);
        // they are closed last, and also when the start fails before they are joined
        ExecutorService starters = Executors.newFixedThreadPool(2);
        CompletableFuture<S3Server> s3Server = CompletableFuture.supplyAsync(
                unchecked(() -> S3Server.start(data.resolve("s3"))), starters);
        CompletableFuture<DynamoDbLocalServer> dynamo = CompletableFuture.supplyAsync(
                unchecked(() -> DynamoDbLocalServer.start(data.resolve("dynamodb")).warmUp()), starters);
        starters.shutdown();
        own(() -> s3Server.thenAccept(Twin::closeQuietly));
        own(() -> dynamo.thenAccept(Twin::closeQuietly));
        try {
            edge = own(EdgeServer.start(config.port, router));
            URI endpoint = edge.endpoint();
            Clock clock = Clock.systemUTC();
            String region = config.region;

            router.add(new Route("health", exchange -> exchange.getRequestURI().getPath().equals(HealthHandler.PATH), health));
            health.register("edge", () -> HealthHandler.RUNNING);

            queues = new SqsQueues(new JsonFile(data.resolve("sqs/queues.json")), clock, endpoint.toString(), region, ACCOUNT);
            router.add(new Route("sqs", Route.target("AmazonSQS"), SqsService.create(queues)));
            router.add(new Route("sqs-query", Route.scope("sqs"), new SqsQueryService(queues)));
            health.register("sqs", () -> HealthHandler.RUNNING);

            topics = new SnsTopics(data.resolve("sns"), clock, region, ACCOUNT);
            router.add(new Route("sns", Route.scope("sns"), new SnsService(topics)));
            health.register("sns", () -> HealthHandler.RUNNING);

            long retryMillis = Math.max(10, (long) (1000 * config.waitScale));
            bus = own(new EventBus(new JsonFile(data.resolve("events/rules.json")), clock, region, ACCOUNT,
                    Duration.ofMillis(retryMillis)));
            bus.target("sqs", new SqsTarget(queues));
            bus.target("sns", (arn, role, input) -> topics.publish(arn, null, input));
            bus.target("states", (arn, role, input) -> stateMachineStarter.startExecution(arn, input, role));
            router.add(new Route("events", Route.target("AWSEvents"), EventsService.create(bus)));
            health.register("events", () -> HealthHandler.RUNNING);

            lambdas = own(new LambdaFunctions(new FunctionLogs(data.resolve("lambda/logs")), endpoint, region));
            // EventBridge invokes functions asynchronously: a function error is not a delivery failure
            bus.target("lambda", (arn, role, input) -> lambdas.invokeAsync(arn, null, input.getBytes(StandardCharsets.UTF_8)));
            // by path, unless signed for S3: "2015-03-31" and "restapis" are valid bucket names too
            router.add(new Route("lambda", Route.pathMatches(LambdaService.PATHS).and(Route.scope("s3").negate()),
                    new LambdaService(lambdas)));
            health.register("lambda", () -> HealthHandler.RUNNING);

            apiGateway = new ApiGatewayService(lambdas, ACCOUNT);
            router.add(new Route("apigateway", Route.pathPrefix(ApiGatewayService.PATH_PREFIX).and(Route.scope("s3").negate()),
                    apiGateway));
            health.register("apigateway", () -> HealthHandler.RUNNING);

            DynamoDbLocalServer dynamoDb = dynamo.join();
            router.add(new Route("dynamodb", Route.target("DynamoDB_20120810"),
                    new DynamoDbService(new ReverseProxy(dynamoDb.endpoint()))));
            health.register("dynamodb", dynamoDb::status);

            S3Server s3Proxy = s3Server.join();
            s3 = new S3Service(new ReverseProxy(s3Proxy.endpoint()),
                    new EventBridgeBuckets(new JsonFile(data.resolve("s3-notifications.json"))),
                    new ObjectCreatedEvents(ACCOUNT, region, clock), bus::publish);
            router.add(new Route("s3", Route.scope("s3"), s3));
            health.register("s3", s3Proxy::status);

            for (TwinPlugin plugin : config.plugins) {
                own(plugin);
                plugin.start(new PluginContext(plugin.name()));
            }
            if (config.template != null) {
                String stackName = config.stackName != null ? config.stackName : TemplateLoader.stackNameOf(config.template);
                stack = TemplateLoader.load(config.template, data.resolve("template/seed"), stackName, region, ACCOUNT,
                        new TemplateLoader.Services(s3Proxy.endpoint(), s3.buckets(), dynamoDb.endpoint(), queues, topics,
                                bus, lambdas, apiGateway, () -> stateMachineRegistry, endpoint));
            }
            info = info(endpoint, data);
            health.started(); // not before: a drop must find the template's buckets, rules and state machine
            startupMillis = (System.nanoTime() - started) / 1_000_000;
            LOG.info("mlpipe twin up at " + endpoint + " in " + startupMillis + " ms (data in " + data + ")");
            return this;
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    private TwinInfo info(URI endpoint, Path data) {
        if (stack == null) {
            return new TwinInfo(endpoint.toString(), null, Map.of(), null, null, endpoint + config.consolePath, data.toString());
        }
        String bucket = !stack.eventBridgeBuckets().isEmpty() ? stack.eventBridgeBuckets().get(0)
                : stack.buckets().isEmpty() ? null : stack.buckets().get(0);
        String apiUrl = stack.apis().values().stream().filter(api -> !api.stages().isEmpty()).findFirst()
                .map(api -> endpoint + ApiGatewayService.PATH_PREFIX + api.id() + "/" + api.stages().get(0) + "/_user_request_/")
                .orElse(null);
        return new TwinInfo(endpoint.toString(), bucket, stack.tables(),
                stack.stateMachines().values().stream().findFirst().orElse(null), apiUrl, endpoint + config.consolePath,
                data.toString());
    }

    /** What the template became (null when the twin runs without one). */
    public LoadedStack stack() {
        return stack;
    }

    public ApiGatewayService apiGateway() {
        return apiGateway;
    }

    private <T extends AutoCloseable> T own(T resource) {
        resources.add(resource);
        return resource;
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            LOG.warning("closing " + resource + ": " + e);
        }
    }

    private static <T> Supplier<T> unchecked(java.util.concurrent.Callable<T> start) {
        return () -> {
            try {
                return start.call();
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        };
    }

    public URI endpoint() {
        return edge.endpoint();
    }

    /** How long {@link #start()} took. */
    public long startupMillis() {
        return startupMillis;
    }

    public TwinInfo info() {
        return info;
    }

    public EventBus events() {
        return bus;
    }

    public SqsQueues queues() {
        return queues;
    }

    public SnsTopics topics() {
        return topics;
    }

    public LambdaFunctions lambdas() {
        return lambdas;
    }

    public S3Service s3() {
        return s3;
    }

    public Map<String, String> health() {
        return health.statuses();
    }

    /** State machines of the template no Step Functions service took (none was plugged in). */
    public List<StateMachineDefinition> unclaimedStateMachines() {
        return List.copyOf(unclaimedStateMachines);
    }

    @Override
    public void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            closeQuietly(resources.get(i));
        }
        resources.clear();
    }

    private final class PluginContext implements TwinContext {
        private final String name;

        PluginContext(String name) {
            this.name = name;
        }

        @Override
        public URI endpoint() {
            return edge.endpoint();
        }

        @Override
        public Path dataDirectory(String directory) {
            try {
                return Files.createDirectories(config.dataDirectory.toAbsolutePath().resolve(directory));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public String region() {
            return config.region;
        }

        @Override
        public String account() {
            return ACCOUNT;
        }

        @Override
        public double waitScale() {
            return config.waitScale;
        }

        @Override
        public void route(Route route) {
            router.addFirst(route);
        }

        @Override
        public void health(String service, Supplier<String> status) {
            health.register(service, status);
        }

        @Override
        public void stateMachines(StateMachineRegistry registry, StateMachineStarter starter) {
            stateMachineRegistry = registry;
            stateMachineStarter = starter;
            unclaimedStateMachines.forEach(registry::register);
            unclaimedStateMachines.clear();
        }

        @Override
        public void putEvent(ObjectNode event) {
            bus.publish(event);
        }

        @Override
        public LambdaInvoker lambda() {
            return (function, payload) -> {
                Invocation result = lambdas.invoke(function, null, payload.getBytes(StandardCharsets.UTF_8));
                return new LambdaInvoker.Result(new String(result.payload(), StandardCharsets.UTF_8),
                        result.functionError(), result.executedVersion());
            };
        }

        @Override
        public String toString() {
            return "context of " + name;
        }
    }

    /** Settings; every one has a default. */
    public static final class Builder {
        private Path dataDirectory = Path.of(".mlpipe");
        private int port = defaultPort();
        private double waitScale = 1.0;
        private String region = "us-east-1";
        private Path template;
        private String stackName;
        private String consolePath = "/_mlpipe/console/";
        private final List<TwinPlugin> plugins = new ArrayList<>();

        /** {@code MLPIPE_PORT}, else 4566. */
        public static int defaultPort() {
            String port = System.getenv("MLPIPE_PORT");
            return port == null || port.isBlank() ? 4566 : Integer.parseInt(port.trim());
        }

        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        /** 0 picks a free port (tests). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder waitScale(double waitScale) {
            this.waitScale = waitScale;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** The synthesized CloudFormation template to run (none: the services start empty). */
        public Builder template(Path template) {
            this.template = template;
            return this;
        }

        /** The stack's name (default: from the template file's name, {@code Mlpipe.template.json} -> Mlpipe). */
        public Builder stackName(String stackName) {
            this.stackName = stackName;
            return this;
        }

        public Builder consolePath(String consolePath) {
            this.consolePath = consolePath;
            return this;
        }

        public Builder plugin(TwinPlugin plugin) {
            plugins.add(plugin);
            return this;
        }

        public Twin build() {
            return new Twin(this);
        }
    }
}
