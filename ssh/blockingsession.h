#pragma once

#include "protocol/result.h"
#include "sshtypes.h"

#include <QByteArray>

#include <atomic>
#include <chrono>

#include <libssh2.h>
#include <libssh2_sftp.h>

namespace suanli::ssh {

/// What a command run over an exec channel printed, and how it ended.
struct ExecResult
{
    int exitStatus = -1;
    QByteArray out;
    QByteArray err;
};

/// An SSH connection in libssh2's blocking mode, for bulk work (SFTP, exec) done by a worker
/// thread of its own. Where Session multiplexes forwards in an event loop, a transfer thread is
/// simpler and faster with plain blocking calls: libssh2's SFTP read/write pipeline internally
/// when handed large buffers. Same rules as Session: TCP_NODELAY before the handshake, the
/// pinned host key compared byte for byte, ed25519 keys, the same cipher preferences.
///
/// Every call except abort() must come from the thread that called connect(); an I/O timeout
/// (ioTimeout) turns a silent link into an error instead of a hang.
class BlockingSession
{
public:
    BlockingSession() = default;
    ~BlockingSession();
    BlockingSession(const BlockingSession &) = delete;
    BlockingSession &operator=(const BlockingSession &) = delete;

    Result<void> connect(const Endpoint &endpoint, const Identity &identity,
                         const SessionOptions &options = {},
                         std::chrono::milliseconds ioTimeout = std::chrono::seconds(60));
    bool isConnected() const { return m_session != nullptr && !m_aborted.load(); }
    LIBSSH2_SESSION *session() const { return m_session; }
    /// The SFTP subsystem, started on first use.
    Result<LIBSSH2_SFTP *> sftp();
    /// Runs command through the user's shell on the server; input is written to its stdin.
    Result<ExecResult> exec(const QByteArray &command, const QByteArray &input = {});

    /// Thread-safe: shuts the socket down so that a call blocked in another thread returns
    /// with an error at once (cancel, or a test cutting the link).
    void abort();
    bool wasAborted() const { return m_aborted.load(); }
    void close();

    /// An error for the last libssh2 failure: "connection_lost" when the link is gone or timed
    /// out, else code with libssh2's message.
    Error lastError(const QString &code, const QString &what) const;
    /// LIBSSH2_FX_* of the last SFTP status (0 when none).
    unsigned long lastSftpError() const;

private:
    Endpoint m_endpoint;
    LIBSSH2_SESSION *m_session = nullptr;
    LIBSSH2_SFTP *m_sftp = nullptr;
    std::atomic<int> m_fd{-1};
    std::atomic<bool> m_aborted{false};
};

/// Quotes text for a POSIX shell: 'it'\''s'.
QByteArray shellQuote(const QByteArray &text);

} // namespace suanli::ssh
