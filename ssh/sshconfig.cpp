#include "sshconfig.h"

#include "hostkey.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

namespace suanli::ssh {

namespace {

constexpr int kLockTimeoutMs = 5000;

// lupdate files tr() calls under the class whose member makes them ("suanli::ssh::SshConfig");
// the free functions above that class use QCoreApplication::translate("suanli::ssh", …).
QString tr(const char *text)
{
    return QCoreApplication::translate("suanli::ssh::SshConfig", text);
}

Error configError(const QString &message)
{
    return makeError(QStringLiteral("ssh_config_error"), message);
}

/// OpenSSH splits arguments on whitespace and honours double quotes.
QString quoted(const QString &value)
{
    if (!value.contains(u' ') && !value.contains(u'\t'))
        return value;
    return u'"' + value + u'"';
}

Result<void> ensureDir(const QString &path, QFile::Permissions mode)
{
    QDir dir(path);
    if (dir.exists())
        return {};
    if (!dir.mkpath(QStringLiteral(".")))
        return configError(
            QCoreApplication::translate("suanli::ssh", "Could not create the folder %1.")
                .arg(path));
    QFile::setPermissions(path, mode);
    return {};
}

Result<void> writeAtomically(const QString &path, const QByteArray &data, QFile::Permissions mode)
{
    // Write through a symlink (dotfile managers link ~/.ssh/config) instead of replacing it.
    const QFileInfo info(path);
    const QString target = info.isSymLink() ? info.symLinkTarget() : path;
    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(mode) ||
        file.write(data) != data.size() || !file.commit()) {
        return configError(QCoreApplication::translate("suanli::ssh", "Could not write %1: %2")
                               .arg(target, file.errorString()));
    }
    return {};
}

constexpr auto kPrivate = QFile::ReadOwner | QFile::WriteOwner;
constexpr auto kPrivateDir = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;

/// OpenSSH's Host pattern matching: '*' and '?' wildcards, '!' negates, case-insensitive.
bool hostPatternsMatch(const QStringList &patterns, const QString &host)
{
    bool matched = false;
    for (QString pattern : patterns) {
        const bool negated = pattern.startsWith(u'!');
        if (negated)
            pattern.remove(0, 1);
        const QRegularExpression re(QRegularExpression::wildcardToRegularExpression(
                                        pattern, QRegularExpression::UnanchoredWildcardConversion),
                                    QRegularExpression::CaseInsensitiveOption);
        const auto match = re.match(host);
        if (match.hasMatch() && match.capturedLength() == host.size()) {
            if (negated)
                return false;
            matched = true;
        }
    }
    return matched;
}

} // namespace

SshConfigPaths SshConfigPaths::defaults()
{
    return {QDir::homePath() + QStringLiteral("/.ssh"),
            QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
                QStringLiteral("/ssh")};
}

SshConfig::SshConfig(SshConfigPaths paths)
    : m_paths(std::move(paths))
{}

QString SshConfig::hostAlias(const QString &label)
{
    QString clean;
    for (const QChar c : label.toLower()) {
        const bool ok =
            (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'.' || c == u'_';
        if (ok)
            clean += c;
        else if (!clean.endsWith(u'-'))
            clean += u'-';
    }
    while (clean.startsWith(u'-'))
        clean.remove(0, 1);
    while (clean.endsWith(u'-'))
        clean.chop(1);
    if (clean.isEmpty())
        clean = QStringLiteral("instance");
    return QStringLiteral("suanli-") + clean;
}

QString SshConfig::relayAlias(const QString &alias)
{
    return alias + QStringLiteral("-relay");
}

QString SshConfig::userConfigPath() const
{
    return m_paths.userSshDir + QStringLiteral("/config");
}

QString SshConfig::backupPath() const
{
    return m_paths.userSshDir + QStringLiteral("/config.suanli-backup");
}

QString SshConfig::hostFilePath(const QString &alias) const
{
    return m_paths.appSshDir + QStringLiteral("/config.d/") + alias + QStringLiteral(".conf");
}

QString SshConfig::knownHostsPath() const
{
    return m_paths.appSshDir + QStringLiteral("/known_hosts");
}

QString SshConfig::includeLine() const
{
    // An absolute path: OpenSSH resolves relative Include paths against the passwd home
    // directory, which is not always the HOME this app sees.
    return QStringLiteral("Include ") +
           quoted(m_paths.appSshDir + QStringLiteral("/config.d/*.conf"));
}

template <typename F> Result<void> SshConfig::locked(F &&body)
{
    if (auto made = ensureDir(m_paths.appSshDir, kPrivateDir); !made)
        return made;
    // Two app processes (or the app and its local-mode agent) must not interleave their
    // read-modify-write of the same files.
    QLockFile lock(m_paths.appSshDir + QStringLiteral("/config.lock"));
    if (!lock.tryLock(kLockTimeoutMs))
        return configError(
            tr("Another Suanli process is writing the SSH configuration; try again."));
    return body();
}

Result<void> SshConfig::ensureInclude()
{
    return locked([this] { return insertIncludeLocked(); });
}

Result<void> SshConfig::insertIncludeLocked()
{
    const QString path = userConfigPath();
    QByteArray original;
    QFile::Permissions mode = kPrivate;
    if (QFileInfo::exists(path)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return configError(tr("Could not read %1: %2").arg(path, file.errorString()));
        original = file.readAll();
        mode = QFileInfo(path).permissions();
    }
    const QString includeTarget = m_paths.appSshDir + QStringLiteral("/config.d/");
    for (const QByteArray &raw : original.split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.startsWith(QStringLiteral("include"), Qt::CaseInsensitive) &&
            line.contains(includeTarget))
            return {}; // there already, maybe moved by the user: leave it where it is
    }
    if (auto made = ensureDir(m_paths.userSshDir, kPrivateDir); !made)
        return made;
    if (!original.isEmpty()) {
        QFile::remove(backupPath());
        if (!QFile::copy(path, backupPath()))
            return configError(
                tr("Could not back up %1 to %2; it was left unchanged.").arg(path, backupPath()));
        QFile::setPermissions(backupPath(), kPrivate);
    }
    // At the very top: OpenSSH keeps the first value it reads for an option, so a later
    // "Host *" in the user's file cannot override what our Host blocks say.
    const QByteArray updated = includeLine().toUtf8() + "\n\n" + original;
    return writeAtomically(path, updated, mode);
}

namespace {

/// One Host block; HostKeyAlias keys the pin by our alias rather than by address: a host:port
/// reused by a later instance (or relay) with another key never clashes with this one.
QString hostBlock(const QString &alias, const QString &hostName, quint16 port, const QString &user,
                  const QString &identityFile, const QString &knownHosts, const QString &proxyJump)
{
    QString text = QStringLiteral("Host ") + alias + u'\n' + QStringLiteral("    HostName ") +
                   hostName + u'\n' + QStringLiteral("    Port ") + QString::number(port) + u'\n' +
                   QStringLiteral("    User ") + user + u'\n' +
                   QStringLiteral("    IdentityFile ") + quoted(identityFile) + u'\n' +
                   QStringLiteral("    IdentitiesOnly yes\n") +
                   QStringLiteral("    UserKnownHostsFile ") + quoted(knownHosts) + u'\n' +
                   QStringLiteral("    HostKeyAlias ") + alias + u'\n' +
                   QStringLiteral("    StrictHostKeyChecking yes\n");
    if (!proxyJump.isEmpty())
        text += QStringLiteral("    ProxyJump ") + proxyJump + u'\n';
    return text;
}

} // namespace

Result<void> SshConfig::writeHost(const SshHostEntry &entry)
{
    auto key = HostKey::fromOpenSshLine(entry.hostKey);
    if (!key)
        return key.error();
    std::optional<HostKey> relayKey;
    if (entry.jump) {
        auto parsed = HostKey::fromOpenSshLine(entry.jump->hostKey);
        if (!parsed)
            return parsed.error();
        relayKey = *parsed;
    }
    return locked([&]() -> Result<void> {
        if (auto included = insertIncludeLocked(); !included)
            return included;
        if (auto made = ensureDir(m_paths.appSshDir + QStringLiteral("/config.d"), kPrivateDir);
            !made)
            return made;
        const QString relay = relayAlias(entry.alias);
        // With a relay: ProxyJump to a Host block of its own (docs/ssh.md, "Through a relay"),
        // so ssh, scp, rsync -e ssh and VS Code reach the instance through it with both keys
        // pinned, and nothing else to set up.
        QString text =
            QStringLiteral("# Written by Suanli; removed when the instance is destroyed.\n") +
            hostBlock(entry.alias, entry.hostName, entry.port, entry.user, entry.identityFile,
                      knownHostsPath(), entry.jump ? relay : QString());
        if (entry.jump) {
            text += u'\n' + hostBlock(relay, entry.jump->host, entry.jump->port, entry.jump->user,
                                      entry.identityFile, knownHostsPath(), QString());
        }
        if (auto written = rewriteKnownHostsLocked(
                {{entry.alias, key->toOpenSshLine()},
                 {relay, relayKey ? relayKey->toOpenSshLine() : QString()}});
            !written)
            return written;
        return writeAtomically(hostFilePath(entry.alias), text.toUtf8(), kPrivate);
    });
}

Result<void> SshConfig::removeHost(const QString &alias)
{
    return locked([&]() -> Result<void> {
        const QString file = hostFilePath(alias);
        if (QFileInfo::exists(file) && !QFile::remove(file))
            return configError(tr("Could not remove %1.").arg(file));
        return rewriteKnownHostsLocked({{alias, {}}, {relayAlias(alias), {}}});
    });
}

Result<void> SshConfig::rewriteKnownHostsLocked(const QList<std::pair<QString, QString>> &keys)
{
    QByteArray text;
    QFile file(knownHostsPath());
    if (file.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (line.isEmpty())
                continue;
            const QByteArray name = line.split(' ').constFirst();
            if (std::any_of(keys.begin(), keys.end(),
                            [&](const auto &key) { return name == key.first.toUtf8(); }))
                continue;
            text += line + '\n';
        }
        file.close();
    }
    for (const auto &[alias, hostKey] : keys) {
        if (!hostKey.isEmpty())
            text += alias.toUtf8() + ' ' + hostKey.toUtf8() + '\n';
    }
    return writeAtomically(knownHostsPath(), text, kPrivate);
}

QList<SshConfigWarning> SshConfig::overrideWarnings(const QString &alias) const
{
    static const QStringList ours = {QStringLiteral("hostname"),
                                     QStringLiteral("port"),
                                     QStringLiteral("user"),
                                     QStringLiteral("identityfile"),
                                     QStringLiteral("identitiesonly"),
                                     QStringLiteral("userknownhostsfile"),
                                     QStringLiteral("hostkeyalias"),
                                     QStringLiteral("stricthostkeychecking"),
                                     QStringLiteral("proxyjump"),
                                     QStringLiteral("proxycommand"),
                                     QStringLiteral("hostkeyalgorithms")};
    QList<SshConfigWarning> warnings;
    QFile file(userConfigPath());
    if (!file.open(QIODevice::ReadOnly))
        return warnings;
    const QString includeTarget = m_paths.appSshDir + QStringLiteral("/config.d/");
    enum class Block
    {
        Global,
        MatchingHost,
        OtherHost,
        Match
    } block = Block::Global;
    QString header;
    int number = 0;
    for (const QByteArray &raw : file.readAll().split('\n')) {
        ++number;
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        QStringList words =
            line.split(QRegularExpression(QStringLiteral("[\\s=]+")), Qt::SkipEmptyParts);
        const QString keyword = words.takeFirst().toLower();
        if (keyword == u"include" && line.contains(includeTarget))
            break; // from here on, our values come first
        if (keyword == u"host") {
            block = hostPatternsMatch(words, alias) ? Block::MatchingHost : Block::OtherHost;
            header = line;
        } else if (keyword == u"match") {
            block = Block::Match;
            header = line;
        } else if (ours.contains(keyword) && block != Block::OtherHost) {
            const QString where =
                block == Block::Global ? tr("outside any Host block") : tr("in \"%1\"").arg(header);
            warnings.append(
                {number, line,
                 tr("Line %1 of %2 (%3) sets %4 before Suanli's Include line, so OpenSSH "
                    "and VS Code use it instead of the value for %5. Move the Include "
                    "line above it.")
                     .arg(QString::number(number), userConfigPath(), where,
                          words.isEmpty() ? QString() : keyword, alias)});
        }
    }
    return warnings;
}

} // namespace suanli::ssh
