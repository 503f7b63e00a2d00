#pragma once

#include "ignorerules.h"
#include "localtree.h"
#include "synctypes.h"

#include "sftppipe.h"

#include "ssh/blockingsession.h"

#include <memory>
#include <optional>

namespace suanli::sync {

/// The file operations the engine needs on the instance, over one BlockingSession's SFTP
/// channel plus exec for hashing. Same thread as the session, always.
class RemoteFs
{
public:
    explicit RemoteFs(ssh::BlockingSession &session)
        : m_session(session)
    {
    }

    Result<void> open();
    /// libssh2's SFTP session, started on first use (null when the server refused it: the
    /// libssh2 calls then fail and sftpError() says why).
    LIBSSH2_SFTP *sftp();
    /// The pipelined SFTP channel (sftppipe.h) beside libssh2's, opened on first use.
    Result<SftpPipe *> pipe();
    ssh::BlockingSession &session() { return m_session; }

    /// Lists root without following links; names that are unsafe or invalid for `names` become
    /// issues. exists is false (and the listing empty) when root is not there.
    Result<TreeListing> listTree(const QByteArray &root, IgnoreRules &rules, NameRules names,
                                 QList<Issue> *issues, bool *exists);
    Result<std::optional<LIBSSH2_SFTP_ATTRIBUTES>> lstat(const QByteArray &path);
    Result<void> makeDirectory(const QByteArray &path, quint32 mode);
    /// mkdir -p of an absolute or home-relative path.
    Result<void> makePath(const QByteArray &path);
    Result<void> setAttributes(const QByteArray &path, qint64 mtimeSeconds, quint32 mode);
    /// Creates folders (full paths, parents listed before children), pipelined one depth at
    /// a time; the issues are per folder (keyed by the index in paths). The error is fatal.
    Result<void> makeDirectories(const QList<QByteArray> &paths, QHash<qsizetype, Error> *failed);
    /// makeDirectories() for folders given relative to root; each one that failed becomes an
    /// issue under its relative path. The error is fatal.
    Result<void> makeFolders(const QByteArray &root, const QList<QByteArray> &relative, QList<Issue> *issues);
    struct Attributes
    {
        QByteArray path;
        qint64 mtimeSeconds = 0;
        quint32 mode = 0;
    };
    /// setAttributes() for many paths at once, pipelined; per-path failures are ignored like
    /// the single call's callers do. The error is fatal (lost link).
    Result<void> setAttributesMany(const QList<Attributes> &items);
    /// Replaces `to` with `from`. SFTPv3 rename refuses an existing target and libssh2 1.10
    /// has no posix-rename@openssh.com, so an existing file is removed first: `to` may be
    /// missing for a moment, but never holds a truncated file.
    Result<void> renameOver(const QByteArray &from, const QByteArray &to, bool targetExists);
    Result<void> removeFile(const QByteArray &path);
    Result<void> removeDirectory(const QByteArray &path);
    Result<void> makeSymlink(const QByteArray &path, const QByteArray &target);
    Result<QByteArray> readLink(const QByteArray &path);
    /// Free bytes for an unprivileged user on the file system holding path (statvfs@openssh.com).
    Result<qint64> freeSpace(const QByteArray &path);

    /// Whether the instance can hash: `openssl dgst -sha256` is preferred (SHA-NI/AVX2, about
    /// five times less CPU than coreutils' `sha256sum`), `sha256sum` otherwise.
    bool probeHashCommand();
    /// The probed command, to hand to the other sessions' RemoteFs (empty: none was probed,
    /// sha256() picks the tool on the instance).
    QByteArray hashCommand() const { return m_hashCommand; }
    bool hashWithXargs() const { return m_hashWithXargs; }
    void setHashCommand(const QByteArray &command, bool withXargs)
    {
        m_hashCommand = command;
        m_hashWithXargs = withXargs;
    }
    /// Hashing the names fed to it later, started now: its start on the instance overlaps with
    /// the transfer it verifies. Without a probe (empty hash command) the command picks
    /// openssl or sha256sum itself, so a run that only verifies needs no probe exec.
    Result<ssh::PendingExec> startSha256();
    /// SHA-256 of each path (raw 32 bytes, empty where it could not be read), by one command
    /// (`started` when given). Error "no_remote_hash": the instance has neither tool.
    Result<QList<QByteArray>> sha256(const QList<QByteArray> &paths, ssh::PendingExec *started = nullptr);
    /// The command that unpacks a GNU tar stream under root (streamupload.cpp), or, told
    /// "staged", under a fresh staging folder beside it (partialPathFor(root)). It prints
    /// "ready" once it reads its input, then, at the end, "<tar's exit status> <SHA-256
    /// of the stream as it arrived>"; tar's complaints (at most 64 kB) go to stderr. Without
    /// GNU tar, a hash tool or a temporary file it ends before "ready", reading nothing.
    static QByteArray extractCommand(const QByteArray &root);
    /// Starts extractCommand(root) ahead of the batch that will use it, so that the instance's
    /// shell start-up overlaps the listing; it unpacks nothing before it is sent "go".
    /// takeExtract() hands it over once (nullopt: none, start one).
    void prestartExtract(const QByteArray &root);
    std::optional<ssh::PendingExec> takeExtract() { return std::exchange(m_extract, std::nullopt); }
    bool hasExtract() const { return m_extract.has_value(); }
    /// SHA-256 of a file while it is being written (large uploads): the command hashes the
    /// ranges named on its stdin ("<offset> <length>" lines, in order, each already written),
    /// one after the other as one stream, and prints the digest when its input ends. So the
    /// instance hashes during the transfer instead of after it. Picks its tool like sha256().
    Result<ssh::PendingExec> startFollowingSha256(const QByteArray &path);
    /// SHA-256 of the first length bytes of path.
    Result<QByteArray> sha256Prefix(const QByteArray &path, qint64 length);

    /// An error for the last failed SFTP call on path; codes: connection_lost,
    /// remote_disk_full, remote_permission_denied, remote_failed.
    Error sftpError(const QString &what, const QByteArray &path);
    /// The same for an SFTP status code (a pipelined reply).
    static Error statusError(unsigned long status, const QString &what, const QByteArray &path);

private:
    Result<QList<QByteArray>> sha256With(const QList<QByteArray> &paths, ssh::PendingExec *started);
    /// The hashing command line up to its operands: fed by `xargs -0` or not.
    QByteArray hashInvocation(bool viaXargs) const;

    ssh::BlockingSession &m_session;
    LIBSSH2_SFTP *m_sftp = nullptr;
    std::unique_ptr<SftpPipe> m_pipe;
    std::optional<ssh::PendingExec> m_extract;
    QByteArray m_hashCommand = "sha256sum";
    bool m_hashWithXargs = false; ///< names go to `xargs -0` on stdin instead of the command line
};

} // namespace suanli::sync
