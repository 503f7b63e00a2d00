#include "remotefs.h"

#include "pathrules.h"

#include <QCoreApplication>
#include <QMap>

namespace suanli::sync {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("suanli::sync::RemoteFs", text);
}

constexpr unsigned long kTypeMask = LIBSSH2_SFTP_S_IFMT;
/// The exit status of a hashing command that found no tool on the instance.
constexpr int kNoHashTool = 97;

/// Shell that picks the hash tool on the instance: `openssl dgst -sha256` when it works (SHA-NI,
/// about five times less CPU than coreutils), else `sha256sum`, as "$@"; exits kNoHashTool
/// when there is neither. The probe and an unprobed hashing command both start with it.
QByteArray pickHashTool()
{
    return "if openssl dgst -sha256 -r </dev/null >/dev/null 2>&1; "
           "then set -- openssl dgst -sha256 -r; "
           "elif sha256sum --version >/dev/null 2>&1; "
           "then set -- sha256sum; else exit " +
           QByteArray::number(kNoHashTool) + "; fi; ";
}

} // namespace

Result<void> RemoteFs::open()
{
    // libssh2's SFTP channel opens on first use: each channel costs a fork of sshd on the
    // instance, and a thread that only moves small files never needs it.
    if (!m_session.session())
        return makeError(QStringLiteral("connection_lost"), tr("Not connected."));
    return {};
}

LIBSSH2_SFTP *RemoteFs::sftp()
{
    if (!m_sftp) {
        auto sftp = m_session.sftp();
        if (sftp)
            m_sftp = *sftp;
    }
    return m_sftp;
}

Error RemoteFs::sftpError(const QString &what, const QByteArray &path)
{
    const int sessionError = libssh2_session_last_errno(m_session.session());
    if (sessionError != LIBSSH2_ERROR_SFTP_PROTOCOL || m_session.wasAborted())
        return m_session.lastError(QStringLiteral("remote_failed"), what);
    return statusError(m_session.lastSftpError(), what, path);
}

Error RemoteFs::statusError(unsigned long status, const QString &what, const QByteArray &path)
{
    const QString file = QString::fromUtf8(path);
    switch (status) {
    case LIBSSH2_FX_NO_SPACE_ON_FILESYSTEM:
    case LIBSSH2_FX_QUOTA_EXCEEDED:
        return makeError(QStringLiteral("remote_disk_full"),
                         tr("The instance's disk is full while writing %1. What was sent is "
                            "kept and the next sync resumes; free space or grow the disk.")
                             .arg(file));
    case LIBSSH2_FX_PERMISSION_DENIED:
        return makeError(QStringLiteral("remote_permission_denied"),
                         tr("%1: permission denied on the instance.").arg(file));
    case LIBSSH2_FX_NO_SUCH_FILE:
    case LIBSSH2_FX_NO_SUCH_PATH:
        return makeError(QStringLiteral("remote_not_found"), tr("%1 does not exist on the instance.").arg(file));
    default:
        return makeError(QStringLiteral("remote_failed"),
                         tr("%1 failed for %2 on the instance (SFTP status %3).")
                             .arg(what, file)
                             .arg(status));
    }
}

Result<SftpPipe *> RemoteFs::pipe()
{
    if (!m_pipe)
        m_pipe = std::make_unique<SftpPipe>(m_session);
    if (!m_pipe->isOpen()) {
        if (auto opened = m_pipe->open(); !opened) {
            m_pipe.reset();
            return opened.error();
        }
    }
    return m_pipe.get();
}

Result<TreeListing> RemoteFs::listTree(const QByteArray &root, IgnoreRules &rules, NameRules names,
                                       QList<Issue> *issues, bool *exists)
{
    TreeListing listing;
    auto rootStat = lstat(root);
    if (!rootStat)
        return rootStat.error();
    *exists = rootStat->has_value();
    if (!*exists)
        return listing;
    auto opened = pipe();
    if (!opened)
        return opened.error();
    SftpPipe &sftp = **opened;

    // Every folder is opened and read at once, a bounded number at a time: one pipelined
    // stream of OPENDIR/READDIR/CLOSE instead of a round trip per request and folder.
    constexpr int kFoldersInFlight = 64;
    QList<QByteArray> waiting{QByteArray()};
    QList<qsizetype> links; // indexes into listing.entries
    int foldersOpen = 0;
    const auto readFolder = [&](const QByteArray &relativeDir, const QByteArray &handle,
                                const auto &self) -> void {
        QByteArray payload;
        SftpPipe::putString(payload, handle);
        sftp.request(sftp::Readdir, payload, [&, relativeDir, handle, self](const SftpReply &reply) {
            if (reply.type != sftp::Name) {
                if (reply.status() != sftp::StatusEof)
                    issues->append({relativeDir, statusError(reply.status(), tr("Listing"), joinPath(root, relativeDir))});
                QByteArray close;
                SftpPipe::putString(close, handle);
                sftp.request(sftp::Close, close, {});
                --foldersOpen;
                return;
            }
            SftpReader reader(reply.body);
            const quint32 count = reader.u32();
            for (quint32 i = 0; i < count && reader.ok(); ++i) {
                const QByteArray item = reader.string();
                reader.string(); // longname
                const SftpAttributes attrs = reader.attributes();
                if (!reader.ok())
                    break;
                if (item == "." || item == "..")
                    continue;
                const QByteArray relative = relativeDir.isEmpty() ? item : relativeDir + '/' + item;
                // A hostile or broken server could name an entry "../x" or "a/b".
                if (auto safe = checkRelativePath(relative); !safe || item.contains('/')) {
                    issues->append({relative, safe ? makeError(QStringLiteral("unsafe_path"), tr("Refused a name with '/' from the instance.")) : safe.error()});
                    continue;
                }
                const unsigned long type = attrs.permissions & kTypeMask;
                if (isPartialName(item)) {
                    if (type == LIBSSH2_SFTP_S_IFREG) {
                        const QByteArray original = item.mid(1, item.size() - 1 - qsizetype(strlen(".suanli-partial")));
                        listing.partials.insert(relativeDir.isEmpty() ? original : relativeDir + '/' + original,
                                                qint64(attrs.size));
                    }
                    continue;
                }
                Entry entry;
                entry.path = relative;
                entry.size = qint64(attrs.size);
                entry.mtimeNs = qint64(attrs.mtime) * 1000000000;
                entry.mode = quint32(attrs.permissions & 07777);
                if (type == LIBSSH2_SFTP_S_IFDIR)
                    entry.type = EntryType::Directory;
                else if (type == LIBSSH2_SFTP_S_IFREG)
                    entry.type = EntryType::File;
                else if (type == LIBSSH2_SFTP_S_IFLNK)
                    entry.type = EntryType::Symlink;
                else
                    continue;
                if (rules.isIgnored(relative, entry.type == EntryType::Directory))
                    continue;
                if (auto invalid = checkName(item, names)) {
                    issues->append({relative, *invalid});
                    continue;
                }
                if (entry.type == EntryType::Directory)
                    waiting.append(relative);
                if (entry.type == EntryType::Symlink)
                    links.append(listing.entries.size());
                listing.entries.append(std::move(entry));
            }
            if (!reader.ok()) {
                issues->append({relativeDir, makeError(QStringLiteral("remote_failed"), tr("The instance sent a malformed listing of %1.").arg(QString::fromUtf8(joinPath(root, relativeDir))))});
                QByteArray close;
                SftpPipe::putString(close, handle);
                sftp.request(sftp::Close, close, {});
                --foldersOpen;
                return;
            }
            self(relativeDir, handle, self);
        });
    };
    const auto openFolder = [&](const QByteArray &relativeDir) {
        ++foldersOpen;
        QByteArray payload;
        SftpPipe::putString(payload, joinPath(root, relativeDir));
        sftp.request(sftp::Opendir, payload, [&, relativeDir](const SftpReply &reply) {
            const QByteArray handle = reply.handle();
            if (handle.isEmpty()) {
                issues->append({relativeDir, statusError(reply.status(), tr("Listing"), joinPath(root, relativeDir))});
                --foldersOpen;
                return;
            }
            readFolder(relativeDir, handle, readFolder);
        });
    };
    for (;;) {
        while (!waiting.isEmpty() && foldersOpen < kFoldersInFlight)
            openFolder(waiting.takeLast());
        if (sftp.outstanding() == 0)
            break;
        if (auto replies = sftp.waitUntil(sftp.outstanding() - 1); !replies)
            return replies.error();
    }
    for (const qsizetype index : std::as_const(links)) {
        QByteArray payload;
        SftpPipe::putString(payload, joinPath(root, listing.entries.at(index).path));
        sftp.request(sftp::Readlink, payload, [&listing, index](const SftpReply &reply) {
            SftpReader reader(reply.body);
            if (reply.type == sftp::Name && reader.u32() == 1)
                listing.entries[index].linkTarget = reader.string();
        });
        if (auto replies = sftp.waitUntil(256); !replies)
            return replies.error();
    }
    if (auto replies = sftp.waitUntil(0); !replies)
        return replies.error();
    // Parents before children, whatever order the replies came in.
    std::sort(listing.entries.begin(), listing.entries.end(),
              [](const Entry &a, const Entry &b) { return a.path < b.path; });
    return listing;
}

Result<std::optional<LIBSSH2_SFTP_ATTRIBUTES>> RemoteFs::lstat(const QByteArray &path)
{
    LIBSSH2_SFTP_ATTRIBUTES attrs{};
    if (libssh2_sftp_stat_ex(sftp(), path.constData(), unsigned(path.size()), LIBSSH2_SFTP_LSTAT,
                             &attrs) == 0) {
        return std::optional<LIBSSH2_SFTP_ATTRIBUTES>(attrs);
    }
    Error error = sftpError(tr("Reading attributes"), path);
    if (error.code == QStringLiteral("remote_not_found"))
        return std::optional<LIBSSH2_SFTP_ATTRIBUTES>();
    return error;
}

Result<void> RemoteFs::makeDirectory(const QByteArray &path, quint32 mode)
{
    if (libssh2_sftp_mkdir_ex(sftp(), path.constData(), unsigned(path.size()), long(mode ? mode : 0755)) == 0)
        return {};
    Error error = sftpError(tr("Creating the folder"), path);
    // Created meanwhile (another session) is fine when it is a folder.
    auto attrs = lstat(path);
    if (attrs && attrs->has_value() && ((*attrs)->permissions & kTypeMask) == LIBSSH2_SFTP_S_IFDIR)
        return {};
    return error;
}

Result<void> RemoteFs::makePath(const QByteArray &path)
{
    QByteArray current = path.startsWith('/') ? QByteArray("/") : QByteArray();
    for (const QByteArray &part : path.split('/')) {
        if (part.isEmpty())
            continue;
        current = current.isEmpty() ? part : joinPath(current, part);
        auto attrs = lstat(current);
        if (!attrs)
            return attrs.error();
        if (attrs->has_value()) {
            const unsigned long type = (*attrs)->permissions & kTypeMask;
            if (type == LIBSSH2_SFTP_S_IFDIR)
                continue;
            if (type == LIBSSH2_SFTP_S_IFLNK) {
                LIBSSH2_SFTP_ATTRIBUTES followed{};
                if (libssh2_sftp_stat_ex(sftp(), current.constData(), unsigned(current.size()),
                                         LIBSSH2_SFTP_STAT, &followed) == 0 &&
                    (followed.permissions & kTypeMask) == LIBSSH2_SFTP_S_IFDIR)
                    continue; // the user's root may go through a link (e.g. /workspace)
            }
            return makeError(QStringLiteral("type_conflict"),
                             tr("%1 exists on the instance and is not a folder.")
                                 .arg(QString::fromUtf8(current)));
        }
        if (auto made = makeDirectory(current, 0755); !made)
            return made.error();
    }
    return {};
}

Result<void> RemoteFs::setAttributes(const QByteArray &path, qint64 mtimeSeconds, quint32 mode)
{
    LIBSSH2_SFTP_ATTRIBUTES attrs{};
    attrs.flags = LIBSSH2_SFTP_ATTR_ACMODTIME | LIBSSH2_SFTP_ATTR_PERMISSIONS;
    attrs.atime = static_cast<unsigned long>(mtimeSeconds);
    attrs.mtime = static_cast<unsigned long>(mtimeSeconds);
    attrs.permissions = mode & 07777;
    if (libssh2_sftp_stat_ex(sftp(), path.constData(), unsigned(path.size()), LIBSSH2_SFTP_SETSTAT,
                             &attrs) == 0)
        return {};
    return sftpError(tr("Setting attributes"), path);
}

Result<void> RemoteFs::makeFolders(const QByteArray &root, const QList<QByteArray> &relative,
                                   QList<Issue> *issues)
{
    QList<QByteArray> paths;
    for (const QByteArray &path : relative)
        paths.append(joinPath(root, path));
    QHash<qsizetype, Error> failed;
    if (auto made = makeDirectories(paths, &failed); !made)
        return made;
    for (auto it = failed.cbegin(); it != failed.cend(); ++it)
        issues->append({relative.at(it.key()), it.value()});
    return {};
}

Result<void> RemoteFs::makeDirectories(const QList<QByteArray> &paths, QHash<qsizetype, Error> *failed)
{
    if (paths.isEmpty())
        return {};
    auto opened = pipe();
    if (!opened) {
        if (opened.error().code == QStringLiteral("connection_lost"))
            return opened.error();
        for (qsizetype i = 0; i < paths.size(); ++i) {
            if (auto made = makeDirectory(paths.at(i), 0755); !made) {
                if (made.error().code == QStringLiteral("connection_lost"))
                    return made.error();
                failed->insert(i, made.error());
            }
        }
        return {};
    }
    SftpPipe &sftp = **opened;
    // A child's MKDIR needs its parent made: one depth after the other, each depth in one go.
    QMap<qsizetype, QList<qsizetype>> byDepth;
    for (qsizetype i = 0; i < paths.size(); ++i)
        byDepth[paths.at(i).count('/')].append(i);
    QList<qsizetype> retry;
    for (const QList<qsizetype> &level : std::as_const(byDepth)) {
        for (const qsizetype i : level) {
            QByteArray payload;
            SftpPipe::putString(payload, paths.at(i));
            SftpPipe::putU32(payload, sftp::AttrPermissions);
            SftpPipe::putU32(payload, 0755);
            sftp.request(sftp::Mkdir, payload, [&retry, i](const SftpReply &reply) {
                if (reply.status() != sftp::StatusOk)
                    retry.append(i);
            });
            if (auto replies = sftp.waitUntil(256); !replies)
                return replies.error();
        }
        if (auto replies = sftp.waitUntil(0); !replies)
            return replies.error();
    }
    // Failures (already there, made meanwhile by another session, refused) one by one: the
    // single call tells a folder that exists from a real error.
    for (const qsizetype i : std::as_const(retry)) {
        if (auto made = makeDirectory(paths.at(i), 0755); !made) {
            if (made.error().code == QStringLiteral("connection_lost"))
                return made.error();
            failed->insert(i, made.error());
        }
    }
    return {};
}

Result<void> RemoteFs::setAttributesMany(const QList<Attributes> &items)
{
    if (items.isEmpty())
        return {};
    auto opened = pipe();
    if (!opened) {
        if (opened.error().code == QStringLiteral("connection_lost"))
            return opened.error();
        for (const Attributes &item : items)
            (void)setAttributes(item.path, item.mtimeSeconds, item.mode);
        return {};
    }
    SftpPipe &sftp = **opened;
    for (const Attributes &item : items) {
        QByteArray payload;
        SftpPipe::putString(payload, item.path);
        SftpPipe::putU32(payload, sftp::AttrPermissions | sftp::AttrTimes);
        SftpPipe::putU32(payload, item.mode & 07777);
        SftpPipe::putU32(payload, quint32(item.mtimeSeconds));
        SftpPipe::putU32(payload, quint32(item.mtimeSeconds));
        sftp.request(sftp::Setstat, payload, {});
        if (auto replies = sftp.waitUntil(256); !replies)
            return replies.error();
    }
    return sftp.waitUntil(0);
}

Result<void> RemoteFs::renameOver(const QByteArray &from, const QByteArray &to, bool targetExists)
{
    const auto rename = [&] {
        return libssh2_sftp_rename_ex(sftp(), from.constData(), unsigned(from.size()), to.constData(),
                                      unsigned(to.size()),
                                      LIBSSH2_SFTP_RENAME_OVERWRITE | LIBSSH2_SFTP_RENAME_ATOMIC |
                                          LIBSSH2_SFTP_RENAME_NATIVE);
    };
    if (!targetExists && rename() == 0)
        return {};
    libssh2_sftp_unlink_ex(sftp(), to.constData(), unsigned(to.size()));
    if (rename() == 0)
        return {};
    return sftpError(tr("Renaming into place"), to);
}

Result<void> RemoteFs::removeFile(const QByteArray &path)
{
    if (libssh2_sftp_unlink_ex(sftp(), path.constData(), unsigned(path.size())) == 0)
        return {};
    return sftpError(tr("Deleting"), path);
}

Result<void> RemoteFs::removeDirectory(const QByteArray &path)
{
    if (libssh2_sftp_rmdir_ex(sftp(), path.constData(), unsigned(path.size())) == 0)
        return {};
    return sftpError(tr("Deleting the folder"), path);
}

Result<void> RemoteFs::makeSymlink(const QByteArray &path, const QByteArray &target)
{
    // OpenSSH's sftp-server takes SSH_FXP_SYMLINK's arguments in the opposite order to the
    // draft (a long-standing quirk kept for compatibility): libssh2 sends (path, target) as
    // given, so the target goes first to get "path -> target".
    if (libssh2_sftp_symlink_ex(sftp(), target.constData(), unsigned(target.size()),
                                const_cast<char *>(path.constData()), unsigned(path.size()),
                                LIBSSH2_SFTP_SYMLINK) == 0)
        return {};
    return sftpError(tr("Creating the link"), path);
}

Result<QByteArray> RemoteFs::readLink(const QByteArray &path)
{
    QByteArray target(4096, Qt::Uninitialized);
    const int n = libssh2_sftp_symlink_ex(sftp(), path.constData(), unsigned(path.size()),
                                          target.data(), unsigned(target.size()),
                                          LIBSSH2_SFTP_READLINK);
    if (n < 0)
        return sftpError(tr("Reading the link"), path);
    target.resize(n);
    return target;
}

Result<qint64> RemoteFs::freeSpace(const QByteArray &path)
{
    LIBSSH2_SFTP_STATVFS st{};
    if (libssh2_sftp_statvfs(sftp(), path.constData(), size_t(path.size()), &st) != 0)
        return sftpError(tr("Reading free space"), path);
    return qint64(st.f_bavail) * qint64(st.f_frsize);
}

bool RemoteFs::probeHashCommand()
{
    // One exec for all: a round trip and a fork of sshd cost more than the tests.
    auto result = m_session.exec(pickHashTool() +
                                 "echo \"$1\"; if echo | xargs -0 true >/dev/null 2>&1; then echo xargs; fi");
    m_hashCommand.clear();
    m_hashWithXargs = false;
    if (result) {
        if (result->out.startsWith("openssl"))
            m_hashCommand = "openssl dgst -sha256 -r";
        else if (result->out.startsWith("sha256sum"))
            m_hashCommand = "sha256sum";
        m_hashWithXargs = result->out.contains("xargs");
    }
    return !m_hashCommand.isEmpty();
}

QByteArray RemoteFs::hashInvocation(bool viaXargs) const
{
    // Without a probe the command picks the tool itself (pickHashTool).
    const bool pick = m_hashCommand.isEmpty();
    return (pick ? pickHashTool() : QByteArray()) + (viaXargs ? "xargs -0 " : "") +
           (pick ? QByteArray("\"$@\"") : m_hashCommand) + " --";
}

QByteArray RemoteFs::extractCommand(const QByteArray &root)
{
    // tee hands the stream to tar and to the hash tool ("$@") at once, so the check costs no
    // second read of the files; tar's status and errors wait in temporary files, because its
    // stderr filling the channel window while we still write would stall both sides. The
    // final `cat` drains what a failed tar left unread, so the sender never blocks. tar speaks
    // English (LC_ALL=C): its complaints are matched to members and to a full disk.
    // It waits for a line before tar starts: a command started early (prestartExtract) may be
    // ready before the root exists. "go" unpacks into the root, "staged" into a fresh
    // `.<root>.suanli-partial` beside it (a first upload, renamed into place in one piece).
    // The checks before "ready" are on the way of every stream, so they fork little: the hash
    // tool is only looked up (a broken one shows as a wrong hash, and the files are then
    // checked one by one with pickHashTool()).
    return "case $(tar --version 2>/dev/null) in *'GNU tar'*) ;; *) exit 98;; esac; "
           "if command -v openssl >/dev/null 2>&1; then set -- openssl dgst -sha256 -r; "
           "elif command -v sha256sum >/dev/null 2>&1; then set -- sha256sum; "
           "else exit " + QByteArray::number(kNoHashTool) + "; fi; "
           "e=$(mktemp) || exit 96; echo ready; d=" + ssh::shellQuote(root) + "; "
           "read -r go || exit 0; case $go in go) ;; "
           "staged) d=" + ssh::shellQuote(partialPathFor(root)) + "; "
           "rm -rf -- \"$d\" && mkdir -p -- \"$d\" || { cat >/dev/null; exit 0; } ;; *) exit 0 ;; esac; "
           "( tee /dev/fd/4 | LC_ALL=C tar -x -p --no-same-owner -f - -C \"$d\""
           " 2>\"$e\"; echo $? >\"$e.s\" ) 4>&1 >/dev/null | \"$@\" >\"$e.h\"; "
           "cat >/dev/null; echo \"$(cat \"$e.s\") $(cat \"$e.h\")\"; "
           "head -c 65536 \"$e\" >&2; rm -f \"$e\" \"$e.s\" \"$e.h\"";
}

void RemoteFs::prestartExtract(const QByteArray &root)
{
    auto started = m_session.startExec(extractCommand(root));
    if (started)
        m_extract = std::move(*started); // else the batch starts its own and sees why
}

Result<ssh::PendingExec> RemoteFs::startSha256()
{
    return m_session.startExec(hashInvocation(true));
}

Result<QList<QByteArray>> RemoteFs::sha256(const QList<QByteArray> &paths, ssh::PendingExec *started)
{
    if (m_hashWithXargs || started)
        return sha256With(paths, started);
    // The command travels in one SSH packet, which libssh2 1.10 caps at about 35,000 bytes
    // (MAX_SSH_PACKET_LEN): without xargs, long batches are split.
    constexpr qsizetype kMaxCommand = 30000;
    const qsizetype base = hashInvocation(false).size();
    QList<QByteArray> hashes;
    qsizetype from = 0;
    while (from < paths.size()) {
        qsizetype to = from;
        qsizetype length = base;
        while (to < paths.size() && (to == from || length + paths.at(to).size() + 8 < kMaxCommand)) {
            length += paths.at(to).size() + 8;
            ++to;
        }
        auto part = sha256With(paths.mid(from, to - from), nullptr);
        if (!part)
            return part.error();
        hashes += *part;
        from = to;
    }
    return hashes;
}

Result<QList<QByteArray>> RemoteFs::sha256With(const QList<QByteArray> &paths, ssh::PendingExec *started)
{
    QList<QByteArray> hashes;
    if (paths.isEmpty())
        return hashes;
    QByteArray command;
    QByteArray input;
    if (started || (m_hashWithXargs && paths.size() > 1)) {
        // The names go to stdin, NUL-separated: any batch size, any byte in a name, one exec
        // (xargs runs the tool again only past ARG_MAX, and its output stays in order).
        command = hashInvocation(true);
        for (const QByteArray &path : paths)
            input += path + '\0';
    } else {
        command = hashInvocation(false);
        for (const QByteArray &path : paths)
            command += ' ' + ssh::shellQuote(path);
    }
    auto result = started ? started->finish(input) : m_session.exec(command, input);
    if (!result)
        return result.error();
    if (m_hashCommand.isEmpty() && result->exitStatus == kNoHashTool)
        return makeError(QStringLiteral("no_remote_hash"),
                         tr("The instance has neither openssl nor sha256sum to hash with."));
    const QList<QByteArray> lines = result->out.split('\n');
    // Both tools leave out files they could not read, so the lines only line up when all
    // worked; otherwise each file is asked on its own. Names with a newline are escaped and
    // the line flagged with a leading backslash.
    if (result->exitStatus == 0 && lines.size() >= paths.size()) {
        for (qsizetype i = 0; i < paths.size(); ++i) {
            QByteArray line = lines.at(i);
            if (line.startsWith('\\'))
                line.remove(0, 1);
            hashes.append(QByteArray::fromHex(line.left(64)));
        }
        return hashes;
    }
    if (paths.size() == 1)
        return QList<QByteArray>{QByteArray()};
    for (const QByteArray &path : paths) {
        auto one = sha256With({path}, nullptr);
        if (!one)
            return one.error();
        hashes.append(one->constFirst());
    }
    return hashes;
}

Result<ssh::PendingExec> RemoteFs::startFollowingSha256(const QByteArray &path)
{
    // Python with OpenSSL's hashlib (most images have it: SHA-NI, 4 MiB preads, nothing through
    // a pipe) costs half the CPU of the portable way: dd reads each range from the page cache
    // into a pipe that openssl drains 8 KiB at a time. A dd that cannot (no skip_bytes) leaves
    // a wrong digest, which the caller answers with a whole re-read.
    static const QByteArray python =
        "import hashlib, os, sys\n"
        "try:\n"
        "    import _hashlib\n"
        "except ImportError:\n"
        "    sys.exit(3)\n"
        "f = os.open(sys.argv[1], os.O_RDONLY)\n"
        "h = hashlib.sha256()\n"
        "for line in sys.stdin:\n"
        "    o, n = map(int, line.split())\n"
        "    while n > 0:\n"
        "        b = os.pread(f, min(n, 4 << 20), o)\n"
        "        if not b:\n"
        "            sys.exit(1)\n"
        "        h.update(b)\n"
        "        o += len(b)\n"
        "        n -= len(b)\n"
        "print(h.hexdigest())\n";
    const QByteArray pick = m_hashCommand.isEmpty() ? pickHashTool() : "set -- " + m_hashCommand + "; ";
    // Exit 3 (no OpenSSL in this Python) or 127 (no python3) come before any input is read.
    return m_session.startExec(
        "p=" + ssh::shellQuote(path) + "; python3 -c " + ssh::shellQuote(python) +
        " \"$p\"; s=$?; if [ $s -ne 3 ] && [ $s -ne 127 ]; then exit $s; fi; " + pick +
        "while read -r o n; do dd if=\"$p\" bs=4M iflag=skip_bytes,count_bytes "
        "skip=\"$o\" count=\"$n\" status=none || break; done | \"$@\"");
}

Result<QByteArray> RemoteFs::sha256Prefix(const QByteArray &path, qint64 length)
{
    const QByteArray command = "head -c " + QByteArray::number(length) + " -- " +
                               ssh::shellQuote(path) + " | " +
                               (m_hashCommand.isEmpty() ? QByteArray("sha256sum") : m_hashCommand);
    auto result = m_session.exec(command);
    if (!result)
        return result.error();
    if (result->exitStatus != 0)
        return QByteArray();
    return QByteArray::fromHex(result->out.left(64));
}

} // namespace suanli::sync
