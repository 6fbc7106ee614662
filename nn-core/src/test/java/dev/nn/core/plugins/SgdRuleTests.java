package dev.nn.core.plugins;

import dev.nn.core.contract.UpdateRuleContract;
import dev.nn.core.spi.UpdateRule;

class SgdRuleTests extends UpdateRuleContract {
    @Override
    protected UpdateRule create() {
        return new SgdRule();
    }
}
