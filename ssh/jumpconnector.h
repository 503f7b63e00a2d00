#pragma once

#include "protocol/result.h"
#include "sshtypes.h"

#include <memory>
#include <optional>

namespace suanli::ssh {

/// What went wrong on the relay hop, and whether retrying cannot help.
struct JumpFailure
{
    Error error;
    bool fatal = false;
};

/// The first hop of a session whose Endpoint has a jump (docs/ssh.md, "Through a relay"): a
/// libssh2 session to the relay, authenticated with the session's own Identity, the relay's
/// host key pinned, and a direct-tcpip channel from the relay to endpoint.host:endpoint.port.
///
/// start() hands the caller one end of a socketpair at once; the caller runs its SSH session
/// over it exactly as over a TCP socket (Transport in the event loop, BlockingSession with
/// blocking calls). A thread of this object's own logs in to the relay, opens the channel and
/// then pumps bytes between the channel and the other end of the pair; what the caller writes
/// before the channel is open waits in the pair. When the relay hop fails the thread records
/// failure() first and then closes its end, so the caller sees the end of its stream and
/// reports failure() instead of a bare "connection closed".
///
/// Destruction stops the thread without waiting on the network (non-blocking libssh2 calls
/// and a wake-up descriptor; a host name still being resolved is waited for).
class JumpConnector
{
public:
    JumpConnector(Endpoint target, Identity identity, SessionOptions options);
    ~JumpConnector();
    JumpConnector(const JumpConnector &) = delete;
    JumpConnector &operator=(const JumpConnector &) = delete;

    /// Starts the relay hop; returns the caller's end of the pair (non-blocking, close-on-exec,
    /// owned by the caller from now on). Fails only for local reasons (a bad pinned relay key,
    /// no descriptors left); everything on the network is reported through failure().
    Result<int> start();
    /// Set once the relay hop has failed (thread-safe).
    std::optional<JumpFailure> failure() const;

    struct State;

private:
    std::shared_ptr<State> m_state;
};

} // namespace suanli::ssh
