package io.mlpipe.cli.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class StreamedSampleDataMatchesTheInMemoryOneTest {
    @Test
    void writingRowByRowGivesTheSameBytesAsGeneratingInMemory() throws Exception {
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        SampleData.writeChurn(streamed, 2_000, 42);
        assertArrayEquals(SampleData.churn(2_000, 42), streamed.toByteArray());
    }
}
