package io.mlpipe.sagemaker.training;

import java.util.regex.Pattern;

/**
 * The built-in XGBoost algorithm's image URIs: {@code <account>.dkr.ecr.<region>.amazonaws.com[.cn]/sagemaker-xgboost:<version>}
 * in every region (each region has its own registry account, so any 12-digit account is accepted).
 */
public final class XgboostImages {
    private static final Pattern IMAGE = Pattern.compile(
            "^\\d{12}\\.dkr\\.ecr(-fips)?\\.[a-z]{2}(-[a-z]+)+-\\d\\.amazonaws\\.com(\\.cn)?/sagemaker-xgboost:[A-Za-z0-9._-]+$");

    private XgboostImages() {
    }

    public static boolean isXgboost(String image) {
        return image != null && IMAGE.matcher(image).matches();
    }

    public static String failureReason(String image) {
        if (image == null) {
            return "ClientError: No TrainingImage given (AlgorithmName is not supported locally); use the built-in "
                    + "XGBoost image <account>.dkr.ecr.<region>.amazonaws.com/sagemaker-xgboost:<version>";
        }
        return "ClientError: Image " + image + " is not the built-in XGBoost algorithm. The local SageMaker runs only "
                + "<account>.dkr.ecr.<region>.amazonaws.com/sagemaker-xgboost:<version> images (no Docker)";
    }
}
