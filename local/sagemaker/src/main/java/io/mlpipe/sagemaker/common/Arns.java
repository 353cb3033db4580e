package io.mlpipe.sagemaker.common;

import java.util.Locale;

/** Builds SageMaker ARNs for one account and region. SageMaker lower-cases the resource name in its ARNs. */
public record Arns(String region, String account) {

    public String partition() {
        return region.startsWith("cn-") ? "aws-cn" : "aws";
    }

    /** e.g. {@code of("training-job", "My-Job")} is {@code arn:aws:sagemaker:us-east-1:000000000000:training-job/my-job}. */
    public String of(String resourceType, String name) {
        return "arn:" + partition() + ":sagemaker:" + region + ":" + account + ":" + resourceType + "/"
                + name.toLowerCase(Locale.ROOT);
    }

    public String modelPackage(String group, long version) {
        return of("model-package", group) + "/" + version;
    }
}
