package io.mlpipe.sagemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sagemaker.model.DescribeModelPackageResponse;
import software.amazon.awssdk.services.sagemaker.model.ListModelPackagesResponse;
import software.amazon.awssdk.services.sagemaker.model.ModelApprovalStatus;
import software.amazon.awssdk.services.sagemaker.model.ModelPackageSummary;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.SortOrder;

/** The pipeline's registry steps: a group per model, a version per run with its metrics, then approve or reject. */
class ModelRegistryFlowTest {
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

    private static String register(String group, String auc) {
        return fx.api.createModelPackage(b -> b.modelPackageGroupName(group)
                .modelPackageDescription("run with auc " + auc)
                .inferenceSpecification(i -> i.containers(c -> c.image(LocalSageMakerFixture.XGBOOST_IMAGE)
                        .modelDataUrl(LocalSageMakerFixture.s3("models/churn/job/output/model.tar.gz")))
                        .supportedContentTypes("text/csv").supportedResponseMIMETypes("text/csv"))
                .modelMetrics(m -> m.modelQuality(q -> q.statistics(s -> s.contentType("application/json")
                        .s3Uri(LocalSageMakerFixture.s3("reports/churn/run/metrics.json")))))
                .customerMetadataProperties(Map.of("metricName", "validation:auc", "metricValue", auc))
                .modelApprovalStatus(ModelApprovalStatus.PENDING_MANUAL_APPROVAL)).modelPackageArn();
    }

    @Test
    void versionsAreNumberedApprovedAndListed() {
        String groupArn = fx.api.createModelPackageGroup(b -> b.modelPackageGroupName("mlpipe-churn")
                .modelPackageGroupDescription("churn models")).modelPackageGroupArn();
        assertEquals("arn:aws:sagemaker:us-east-1:000000000000:model-package-group/mlpipe-churn", groupArn);
        assertEquals("churn models", fx.api.describeModelPackageGroup(b -> b.modelPackageGroupName("mlpipe-churn"))
                .modelPackageGroupDescription());

        String first = register("mlpipe-churn", "0.81");
        String second = register("mlpipe-churn", "0.78");
        assertEquals("arn:aws:sagemaker:us-east-1:000000000000:model-package/mlpipe-churn/1", first);
        assertEquals("arn:aws:sagemaker:us-east-1:000000000000:model-package/mlpipe-churn/2", second);

        fx.api.updateModelPackage(b -> b.modelPackageArn(first).modelApprovalStatus(ModelApprovalStatus.APPROVED)
                .approvalDescription("better than the champion"));
        fx.api.updateModelPackage(b -> b.modelPackageArn(second).modelApprovalStatus(ModelApprovalStatus.REJECTED)
                .customerMetadataProperties(Map.of("decision", "rejected")));

        DescribeModelPackageResponse one = fx.api.describeModelPackage(b -> b.modelPackageName(first));
        assertEquals(1, one.modelPackageVersion());
        assertEquals("mlpipe-churn", one.modelPackageGroupName());
        assertEquals(ModelApprovalStatus.APPROVED, one.modelApprovalStatus());
        assertEquals("better than the champion", one.approvalDescription());
        assertEquals("Completed", one.modelPackageStatusAsString());
        assertEquals("0.81", one.customerMetadataProperties().get("metricValue"));
        assertEquals(LocalSageMakerFixture.s3("reports/churn/run/metrics.json"),
                one.modelMetrics().modelQuality().statistics().s3Uri());
        assertEquals(LocalSageMakerFixture.s3("models/churn/job/output/model.tar.gz"),
                one.inferenceSpecification().containers().get(0).modelDataUrl());
        assertNotNull(one.creationTime());
        DescribeModelPackageResponse two = fx.api.describeModelPackage(b -> b.modelPackageName(second));
        assertEquals(Map.of("metricName", "validation:auc", "metricValue", "0.78", "decision", "rejected"),
                two.customerMetadataProperties());

        ListModelPackagesResponse newestFirst = fx.api.listModelPackages(b -> b.modelPackageGroupName("mlpipe-churn")
                .sortBy("CreationTime").sortOrder(SortOrder.DESCENDING).maxResults(1));
        assertEquals(List.of(2), newestFirst.modelPackageSummaryList().stream()
                .map(ModelPackageSummary::modelPackageVersion).toList());
        assertNotNull(newestFirst.nextToken());
        ListModelPackagesResponse rest = fx.api.listModelPackages(b -> b.modelPackageGroupName("mlpipe-churn")
                .sortBy("CreationTime").sortOrder(SortOrder.DESCENDING).maxResults(1).nextToken(newestFirst.nextToken()));
        assertEquals(List.of(1), rest.modelPackageSummaryList().stream()
                .map(ModelPackageSummary::modelPackageVersion).toList());
        assertNull(rest.nextToken());
        assertEquals(List.of(first), fx.api.listModelPackages(b -> b.modelPackageGroupName("mlpipe-churn")
                .modelApprovalStatus(ModelApprovalStatus.APPROVED)).modelPackageSummaryList().stream()
                .map(ModelPackageSummary::modelPackageArn).toList());
    }

    @Test
    void groupsAreUniqueAndMustExist() {
        fx.api.createModelPackageGroup(b -> b.modelPackageGroupName("mlpipe-twice"));
        SageMakerException again = assertThrows(SageMakerException.class,
                () -> fx.api.createModelPackageGroup(b -> b.modelPackageGroupName("mlpipe-twice")));
        assertEquals("ValidationException", again.awsErrorDetails().errorCode());
        assertTrue(again.awsErrorDetails().errorMessage().startsWith("Model Package Group already exists"));

        SageMakerException noGroup = assertThrows(SageMakerException.class, () -> register("mlpipe-never", "0.5"));
        assertEquals("ValidationException", noGroup.awsErrorDetails().errorCode());
        assertTrue(noGroup.awsErrorDetails().errorMessage().contains("does not exist"));
        assertTrue(fx.api.listModelPackageGroups(b -> b.nameContains("twice")).modelPackageGroupSummaryList()
                .stream().anyMatch(g -> g.modelPackageGroupName().equals("mlpipe-twice")));
        SageMakerException noPackage = assertThrows(SageMakerException.class, () -> fx.api.describeModelPackage(b -> b
                .modelPackageName("arn:aws:sagemaker:us-east-1:000000000000:model-package/mlpipe-twice/9")));
        assertTrue(noPackage.awsErrorDetails().errorMessage().contains("does not exist"));
    }
}
