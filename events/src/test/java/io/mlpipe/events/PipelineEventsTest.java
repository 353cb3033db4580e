package io.mlpipe.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PipelineEventsTest {

    @Test
    void detailTypesHaveTheContractWireValues() {
        assertEquals("ModelDeployed", PipelineEvents.DetailType.MODEL_DEPLOYED.value());
        assertEquals("ModelRejected", PipelineEvents.DetailType.MODEL_REJECTED.value());
        assertEquals("PipelineFailed", PipelineEvents.DetailType.PIPELINE_FAILED.value());
        assertEquals(PipelineEvents.DetailType.PIPELINE_FAILED, PipelineEvents.DetailType.fromValue("PipelineFailed"));
        assertThrows(IllegalArgumentException.class, () -> PipelineEvents.DetailType.fromValue("ModelTrained"));
    }

    @Test
    void detailLeavesUnknownFieldsOutAndReadsBack() throws Exception {
        ObjectMapper json = new ObjectMapper();
        PipelineEventDetail detail = new PipelineEventDetail("churn", "r-1", "arn:x", "000003", "auc", 0.91, null,
                "beats champion", null, null);
        String text = json.writeValueAsString(detail);
        assertEquals("{\"model\":\"churn\",\"runId\":\"r-1\",\"executionArn\":\"arn:x\",\"modelVersion\":\"000003\","
                + "\"metricName\":\"auc\",\"metricValue\":0.91,\"reason\":\"beats champion\"}", text);
        assertEquals(detail, json.readValue(text, PipelineEventDetail.class));
    }

    @Test
    void detailRequiresTheRunIdentity() {
        assertThrows(IllegalArgumentException.class,
                () -> new PipelineEventDetail("churn", null, "arn:x", null, null, null, null, null, null, null));
    }
}
