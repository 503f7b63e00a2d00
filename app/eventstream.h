#pragma once

// The events socket is suanli_client's (client/eventstream.h). The app's files still name it
// in the app's namespace.
#include "client/eventstream.h"

namespace suanli::app {
using client::EventStream;
} // namespace suanli::app
