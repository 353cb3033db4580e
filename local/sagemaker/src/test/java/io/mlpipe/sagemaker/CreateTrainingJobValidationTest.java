package io.mlpipe.sagemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sagemaker.model.ListTrainingJobsResponse;
import software.amazon.awssdk.services.sagemaker.model.ResourceInUseException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.SortOrder;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobSummary;

/** The request checks AWS makes before a job exists, and listing jobs. */
class CreateTrainingJobValidationTest {
    private static final String NO_IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/none:1"; // fails fast, no JVM

    @TempDir
    static Path dataDir;
    static LocalSageMakerFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new LocalSageMakerFixture(dataDir, 0);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void aDuplicateNameIsResourceInUse() {
        fx.api.createTrainingJob(TrainingJobsHelper.request("dup", NO_IMAGE, Map.of(), "x/", null).build());
        ResourceInUseException e = assertThrows(ResourceInUseException.class,
                () -> fx.api.createTrainingJob(TrainingJobsHelper.request("dup", NO_IMAGE, Map.of(), "x/", null).build()));
        assertEquals("Training job names must be unique within an AWS account and region, and a training job with "
                + "this name already exists (arn:aws:sagemaker:us-east-1:000000000000:training-job/dup)",
                e.awsErrorDetails().errorMessage());
    }

    @Test
    void aBadNameAndMissingFieldsAreOneValidationException() {
        SageMakerException e = assertThrows(SageMakerException.class, () -> fx.api.createTrainingJob(
                TrainingJobsHelper.request("bad_name!", NO_IMAGE, Map.of(), "x/", null).roleArn(null).build()));
        assertEquals(400, e.statusCode());
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
        assertEquals("2 validation errors detected: Value null at 'roleArn' failed to satisfy constraint: Member must "
                + "not be null; Value 'bad_name!' at 'trainingJobName' failed to satisfy constraint: Member must "
                + "satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$", e.awsErrorDetails().errorMessage());
    }

    @Test
    void anUnknownJobIsNotFound() {
        SageMakerException e = assertThrows(SageMakerException.class,
                () -> fx.api.describeTrainingJob(b -> b.trainingJobName("never-created")));
        assertEquals("Requested resource not found.", e.awsErrorDetails().errorMessage());
    }

    @Test
    void listingFiltersSortsAndPages() {
        for (String name : List.of("list-b", "list-a", "list-c", "other")) {
            fx.api.createTrainingJob(TrainingJobsHelper.request(name, NO_IMAGE, Map.of(), "x/", null).build());
        }
        List<String> names = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ListTrainingJobsResponse page = fx.api.listTrainingJobs(b -> b.nameContains("LIST-").maxResults(2)
                    .sortBy("Name").sortOrder(SortOrder.DESCENDING).nextToken(next));
            page.trainingJobSummaries().stream().map(TrainingJobSummary::trainingJobName).forEach(names::add);
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertEquals(List.of("list-c", "list-b", "list-a"), names);
        assertEquals(2, pages);
        fx.awaitTrainingJob("other");
        assertTrue(fx.api.listTrainingJobs(b -> b.statusEquals("Failed").nameContains("other"))
                .trainingJobSummaries().stream().allMatch(s -> s.trainingJobStatusAsString().equals("Failed")));
        assertNull(fx.api.listTrainingJobs(b -> b.nameContains("other")).nextToken());
    }
}
