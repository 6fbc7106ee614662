package com.example.nnplugin;

import dev.nn.core.contract.UpdateRuleContract;
import dev.nn.core.spi.UpdateRule;

class AdagradRuleTests extends UpdateRuleContract {

    @Override
    protected UpdateRule create() {
        return new AdagradRule();
    }
}
