package dev.nn.core.plugins;

import dev.nn.core.contract.UpdateRuleContract;
import dev.nn.core.spi.UpdateRule;

class NesterovRuleTests extends UpdateRuleContract {
    @Override
    protected UpdateRule create() {
        return new NesterovRule();
    }
}
