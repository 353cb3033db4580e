package io.mlpipe.it;

import static io.mlpipe.it.PipelineUser.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.it.Dataset.Kind;
import io.mlpipe.it.PipelineUser.Execution;
import io.mlpipe.it.PipelineUser.Response;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A CSV dropped into incoming/<model>/ ends with an InService endpoint answering accurate REST predictions. */
class DropRetrainDeployPredictTest extends PipelineScenario {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void aDroppedCsvIsTrainedDeployedAndPredictsHeldOutRowsAccurately(Kind kind) throws Exception {
        String model = PipelineUser.model("drop-" + kind.name().toLowerCase());
        Dataset data = Dataset.of(kind, 7, 400, 100, 0.3);
        // binary through the AWS CLI (as the README shows), the others through the SDK
        String key = kind == Kind.BINARY ? user.dropWithAwsCli(model, "first.csv", data.csv())
                : user.drop(model, "first.csv", data.csv());

        Execution execution = user.awaitExecution(key);
        assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), execution.error() + ": " + execution.cause());
        assertEquals("DEPLOYED", execution.output().path("status").asText(), execution.output().toString());
        assertEquals("InService", user.endpointStatus(model));

        Map<String, AttributeValue> run = user.run(model, execution.arn());
        assertEquals("DEPLOYED", s(run, "status"));
        assertEquals(key, s(run, "key"));
        Map<String, AttributeValue> champion = user.champion(model).orElseThrow();
        assertEquals(s(run, "modelVersion"), s(champion, "championVersion"));
        assertEquals("mlpipe-" + model, s(champion, "endpointName"));
        assertEquals(kind.problemType(), s(champion, "problemType"));

        Response response = user.predict(model, data.heldOutFeatures());
        assertEquals(200, response.status(), String.valueOf(response.body()));
        assertEquals(s(champion, "championVersion"), response.body().path("version").asText());
        JsonNode predictions = response.body().path("predictions");
        assertEquals(data.heldOut().size(), predictions.size());
        switch (kind) {
            case BINARY -> {
                double accuracy = Scores.accuracy(predictions, data.heldOutTargets());
                double auc = Scores.auc(predictions, data.heldOutTargets(), "yes");
                assertTrue(accuracy >= 0.85, "held-out accuracy " + accuracy);
                assertTrue(auc >= 0.92, "held-out AUC " + auc);
            }
            case MULTICLASS -> {
                double accuracy = Scores.accuracy(predictions, data.heldOutTargets());
                assertTrue(accuracy >= 0.75, "held-out accuracy " + accuracy + " (3 classes)");
                assertEquals(3, predictions.get(0).path("probabilities").size(), predictions.get(0).toString());
            }
            case REGRESSION -> {
                double rmse = Scores.rmse(predictions, data.heldOutTargets());
                double spread = Scores.standardDeviation(data.heldOutTargets());
                assertTrue(rmse <= 0.35 * spread, "held-out RMSE " + rmse + " vs standard deviation " + spread);
            }
        }
    }
}
