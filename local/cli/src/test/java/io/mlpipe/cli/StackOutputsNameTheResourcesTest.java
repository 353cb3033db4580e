package io.mlpipe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.mlpipe.cli.connection.Resources;
import org.junit.jupiter.api.Test;

/** How the stack's outputs and logical ids (the same on AWS and on the twin) become the names info prints. */
class StackOutputsNameTheResourcesTest {

    @Test
    void tableOutputsBecomeTheirRole() {
        assertEquals("runs", Resources.tableRole("RunsTableName"));
        assertEquals("models", Resources.tableRole("ModelsTableName"));
        assertEquals("inferenceLog", Resources.tableRole("InferenceLogTableName"));
        assertNull(Resources.tableRole("DataBucketName"));
        assertNull(Resources.tableRole("TableName"));
    }

    @Test
    void functionsAreNamedByTheirConstructWithoutPathAndHash() {
        assertEquals("preprocess", Resources.functionShortName("FunctionsPreprocess4E1EFDD7"));
        assertEquals("inference", Resources.functionShortName("FunctionsInference5E6B1817"));
    }
}
