package io.mlpipe.workflow;

import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;

/** ARN components of the resources the pipeline creates at run time (all named {@code mlpipe-*}). */
final class Arns {

    private Arns() {
    }

    /** {@code arn:<partition>:sagemaker:<region>:<account>:<resource>/<name>}. */
    static ArnComponents sagemaker(String resource, String name) {
        return ArnComponents.builder()
                .service("sagemaker")
                .resource(resource)
                .resourceName(name)
                .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
                .build();
    }
}
