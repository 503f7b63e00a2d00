#pragma once

#include "protocol/clock.h"

namespace suanli::app {

/// Wall time for a part built on its own (one model in a test, a tool) until it is handed the
/// app's clock: the app context passes its own SystemClock to every part it builds, and tests
/// pass a manual clock (tests/support/manualclock.h).
inline const Clock &defaultClock()
{
    static const SystemClock clock;
    return clock;
}

} // namespace suanli::app
