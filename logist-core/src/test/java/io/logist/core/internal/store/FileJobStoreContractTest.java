package io.logist.core.internal.store;

import io.logist.spi.JobStore;
import io.logist.testkit.JobStoreContractKit;
import java.nio.file.Path;

class FileJobStoreContractTest extends JobStoreContractKit {
    @Override
    protected JobStore createStore(Path scratch) {
        return new FileJobStore(scratch);
    }
}
