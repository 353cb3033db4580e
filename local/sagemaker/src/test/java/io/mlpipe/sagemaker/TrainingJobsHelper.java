package io.mlpipe.sagemaker;

import java.util.Map;
import software.amazon.awssdk.services.sagemaker.model.Channel;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.S3DataType;
import software.amazon.awssdk.services.sagemaker.model.TrainingInputMode;
import software.amazon.awssdk.services.sagemaker.model.TrainingInstanceType;

/** CreateTrainingJob requests as the pipeline's state machine sends them. */
final class TrainingJobsHelper {
    private TrainingJobsHelper() {
    }

    static CreateTrainingJobRequest.Builder request(String name, String image, Map<String, String> hyperParameters,
                                                    String trainPrefix, String validationPrefix) {
        CreateTrainingJobRequest.Builder b = CreateTrainingJobRequest.builder()
                .trainingJobName(name)
                .algorithmSpecification(a -> a.trainingImage(image).trainingInputMode(TrainingInputMode.FILE))
                .roleArn(LocalSageMakerFixture.ROLE)
                .hyperParameters(hyperParameters)
                .outputDataConfig(o -> o.s3OutputPath(LocalSageMakerFixture.s3("models/test/")))
                .resourceConfig(r -> r.instanceCount(1).instanceType(TrainingInstanceType.ML_M5_LARGE).volumeSizeInGB(5))
                .stoppingCondition(s -> s.maxRuntimeInSeconds(300));
        Channel train = channel("train", trainPrefix);
        b.inputDataConfig(validationPrefix == null ? new Channel[] {train}
                : new Channel[] {train, channel("validation", validationPrefix)});
        return b;
    }

    private static Channel channel(String name, String prefix) {
        return Channel.builder().channelName(name).contentType("text/csv")
                .dataSource(d -> d.s3DataSource(s -> s.s3DataType(S3DataType.S3_PREFIX)
                        .s3Uri(prefix.startsWith("s3://") ? prefix : LocalSageMakerFixture.s3(prefix))))
                .build();
    }
}
