package io.mlpipe.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelsTableKeysTest {

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
        "000001, true", "123456, true", "champion, false", "lock, false",
        "1, false", "0000001, false", "00000a, false", "NULL, false"})
    void onlyZeroPaddedPackageVersionsAreVersions(String sortKey, boolean version) {
        assertEquals(version, ModelsTableKeys.isVersion(sortKey));
    }
}
