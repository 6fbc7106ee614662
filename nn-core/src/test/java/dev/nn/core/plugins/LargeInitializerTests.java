package dev.nn.core.plugins;

import dev.nn.core.contract.InitializerContract;
import dev.nn.core.spi.WeightInitializer;

class LargeInitializerTests extends InitializerContract {

    @Override
    protected WeightInitializer create() {
        return new LargeInitializer();
    }
}
