package io.mlpipe.workflow;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnMapping;
import software.amazon.awscdk.Stack;
import software.constructs.Construct;

/**
 * The SageMaker built-in XGBoost image of the stack's region. The stack is environment-agnostic
 * (no lookups, no account or region at synth), so the registry account is a template mapping
 * keyed by {@code AWS::Region}. Accounts: the sagemaker-xgboost 1.x registries of the SageMaker
 * Python SDK (image_uri_config/xgboost.json); a region not listed fails at deploy time, on purpose.
 */
final class XgboostImage {

    static final String REPOSITORY = "sagemaker-xgboost";
    static final String TAG = "1.7-1";
    static final String MAPPING_ID = "XgboostImageRegistry";

    /** Region -> registry account (a TreeMap: stable order in the template). */
    static final Map<String, String> ACCOUNTS = new TreeMap<>(Map.ofEntries(
            Map.entry("af-south-1", "510948584623"), Map.entry("ap-east-1", "651117190479"),
            Map.entry("ap-northeast-1", "354813040037"), Map.entry("ap-northeast-2", "366743142698"),
            Map.entry("ap-northeast-3", "867004704886"), Map.entry("ap-south-1", "720646828776"),
            Map.entry("ap-south-2", "628508329040"), Map.entry("ap-southeast-1", "121021644041"),
            Map.entry("ap-southeast-2", "783357654285"), Map.entry("ap-southeast-3", "951798379941"),
            Map.entry("ap-southeast-4", "106583098589"), Map.entry("ca-central-1", "341280168497"),
            Map.entry("ca-west-1", "190319476487"), Map.entry("cn-north-1", "450853457545"),
            Map.entry("cn-northwest-1", "451049120500"), Map.entry("eu-central-1", "492215442770"),
            Map.entry("eu-central-2", "680994064768"), Map.entry("eu-north-1", "662702820516"),
            Map.entry("eu-south-1", "978288397137"), Map.entry("eu-south-2", "104374241257"),
            Map.entry("eu-west-1", "141502667606"), Map.entry("eu-west-2", "764974769150"),
            Map.entry("eu-west-3", "659782779980"), Map.entry("il-central-1", "898809789911"),
            Map.entry("me-central-1", "272398656194"), Map.entry("me-south-1", "801668240914"),
            Map.entry("sa-east-1", "737474898029"), Map.entry("us-east-1", "683313688378"),
            Map.entry("us-east-2", "257758044811"), Map.entry("us-gov-east-1", "237065988967"),
            Map.entry("us-gov-west-1", "414596584902"), Map.entry("us-west-1", "746614075791"),
            Map.entry("us-west-2", "246618743249")));

    private XgboostImage() {
    }

    /** {@code <account>.dkr.ecr.<region>.<url suffix>/sagemaker-xgboost:1.7-1} for the deploying region. */
    static String uri(Construct scope) {
        Stack stack = Stack.of(scope);
        CfnMapping mapping = (CfnMapping) stack.getNode().tryFindChild(MAPPING_ID);
        if (mapping == null) {
            Map<String, Map<String, Object>> table = new TreeMap<>();
            ACCOUNTS.forEach((region, account) -> table.put(region, Ordered.map("account", account)));
            mapping = CfnMapping.Builder.create(stack, MAPPING_ID).mapping(table).build();
        }
        String account = mapping.findInMap(Aws.REGION, "account");
        return account + ".dkr.ecr." + Aws.REGION + "." + Aws.URL_SUFFIX + "/" + REPOSITORY + ":" + TAG;
    }
}
