package se.nduh.command.access;

import se.nduh.infrastructure.security.AccessPolicy;
import se.nduh.localplatform.testing.AccessMatrixContract;
import se.nduh.localplatform.testing.PlatformIT;

/** The command side's rows of the access table. */
@PlatformIT
class AccessMatrixIT extends AccessMatrixContract {

    @Override
    protected AccessPolicy.Side side() {
        return AccessPolicy.Side.COMMAND;
    }
}
