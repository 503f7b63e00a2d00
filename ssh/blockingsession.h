#pragma once

#include "protocol/result.h"
#include "sshtypes.h"

#include <QByteArray>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>

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

class BlockingSession;
class JumpConnector;

/// A command started ahead of its input: its start on the server (a fork of sshd, the user's
/// shell with its start-up files, the program) overlaps with other work on the session, and
/// finish() sends the input, closes stdin and collects what it printed. Same thread as the
/// session, which must outlive it; dropping it unfinished closes the channel.
class PendingExec
{
public:
    PendingExec() = default;
    PendingExec(PendingExec &&other) noexcept;
    PendingExec &operator=(PendingExec &&other) noexcept;
    ~PendingExec();
    PendingExec(const PendingExec &) = delete;
    PendingExec &operator=(const PendingExec &) = delete;

    bool isRunning() const { return m_channel != nullptr; }
    /// Streams to the command's stdin, all of data (waits while the server's window is full).
    Result<void> write(const char *data, qsizetype size);
    /// What write() can send now without waiting for the server: its channel window.
    qint64 writableNow() const;
    /// The command's next line of output, without the newline. At the end of its output,
    /// *atEnd is set and what came without a newline is returned.
    Result<QByteArray> readLine(bool *atEnd);
    /// readLine() without waiting: nullopt while no whole line (nor the end) has arrived.
    Result<std::optional<QByteArray>> tryReadLine(bool *atEnd);
    /// Writes input to the command's stdin, closes it and waits for the command to end.
    Result<ExecResult> finish(const QByteArray &input = {});

private:
    friend class BlockingSession;
    PendingExec(BlockingSession *session, LIBSSH2_CHANNEL *channel)
        : m_session(session)
        , m_channel(channel)
    {}
    void drop();
    /// Reads what output there is into m_out; 0 at the end, LIBSSH2_ERROR_EAGAIN when waiting
    /// would be needed and wait is false.
    Result<ssize_t> readSome(bool wait);

    BlockingSession *m_session = nullptr;
    LIBSSH2_CHANNEL *m_channel = nullptr;
    QByteArray m_out; ///< output read past the last line readLine() returned
};

/// An SSH connection in libssh2's blocking mode, for bulk work (SFTP, exec) done by a worker
/// thread of its own. Where Session multiplexes forwards in an event loop, a transfer thread is
/// simpler and faster with plain blocking calls: libssh2's SFTP read/write pipeline internally
/// when handed large buffers. Same rules as Session: TCP_NODELAY before the handshake, the
/// pinned host key compared byte for byte, ed25519 keys, the same cipher preferences.
///
/// With endpoint.jump set, the session runs over a JumpConnector's socket (the relay hop, docs/
/// ssh.md "Through a relay") instead of a TCP connection; a failure of that hop is reported as
/// the relay's error.
///
/// Every call except abort() must come from the thread that called connect(); an I/O timeout
/// (ioTimeout) turns a silent link into an error instead of a hang.
class BlockingSession
{
public:
    BlockingSession();
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
    /// Starts command through the user's shell; PendingExec::finish() gives it its input.
    Result<PendingExec> startExec(const QByteArray &command);

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
    friend class PendingExec;
    /// PendingExec::finish(): input, EOF, output, exit status; frees the channel.
    Result<ExecResult> finishExec(LIBSSH2_CHANNEL *channel, const QByteArray &input,
                                  QByteArray outSoFar = {});

    /// A TCP connection to endpoint (no jump) in m_fd.
    Result<void> connectDirect(const Endpoint &endpoint, const SessionOptions &options);

    Endpoint m_endpoint;
    std::unique_ptr<JumpConnector> m_jump;
    LIBSSH2_SESSION *m_session = nullptr;
    LIBSSH2_SFTP *m_sftp = nullptr;
    std::atomic<int> m_fd{-1};
    std::atomic<bool> m_aborted{false};
};

/// Quotes text for a POSIX shell: 'it'\''s'.
QByteArray shellQuote(const QByteArray &text);

} // namespace suanli::ssh
