#include "terminallauncher.h"

#include "accesslinks.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>

namespace suanli::access {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("suanli::access::TerminalLauncher", text);
}

} // namespace

Platform currentPlatform()
{
#if defined(Q_OS_MACOS)
    return Platform::MacOS;
#elif defined(Q_OS_WIN)
    return Platform::Windows;
#else
    return Platform::Linux;
#endif
}

TerminalLauncher::TerminalLauncher(Platform platform, FindProgram find, QString scriptFolder)
    : m_platform(platform)
    , m_find(find ? std::move(find)
                  : [](const QString &name) { return QStandardPaths::findExecutable(name); })
    , m_scriptFolder(scriptFolder.isEmpty()
                         ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                               QStringLiteral("/terminal")
                         : std::move(scriptFolder))
{}

QList<TerminalCommand> TerminalLauncher::linuxCandidates(const QString &hostAlias)
{
    const QString ssh = QStringLiteral("ssh");
    // Each terminal has its own way to take a command: gnome-terminal wants "--" (its -e is
    // deprecated), xfce4-terminal's -x takes the rest of the line as argv.
    return {
        {QStringLiteral("x-terminal-emulator"), {QStringLiteral("-e"), ssh, hostAlias}, {}, {}},
        {QStringLiteral("gnome-terminal"), {QStringLiteral("--"), ssh, hostAlias}, {}, {}},
        {QStringLiteral("konsole"), {QStringLiteral("-e"), ssh, hostAlias}, {}, {}},
        {QStringLiteral("xfce4-terminal"), {QStringLiteral("-x"), ssh, hostAlias}, {}, {}},
        {QStringLiteral("xterm"), {QStringLiteral("-e"), ssh, hostAlias}, {}, {}},
    };
}

Result<TerminalCommand> TerminalLauncher::command(const QString &hostAlias) const
{
    switch (m_platform) {
    case Platform::Linux:
        for (TerminalCommand candidate : linuxCandidates(hostAlias)) {
            const QString path = m_find(candidate.program);
            if (!path.isEmpty()) {
                candidate.program = path;
                return candidate;
            }
        }
        break;
    case Platform::MacOS: {
        // Terminal.app runs a .command file it is asked to open; no AppleScript permission needed.
        TerminalCommand command;
        command.scriptPath = m_scriptFolder + u'/' + hostAlias + QStringLiteral(".command");
        command.scriptText = "#!/bin/sh\nexec " + sshCommand(hostAlias).toUtf8() + "\n";
        command.program = QStringLiteral("/usr/bin/open");
        command.arguments = {command.scriptPath};
        return command;
    }
    case Platform::Windows: {
        const QString wt = m_find(QStringLiteral("wt.exe"));
        if (!wt.isEmpty())
            return TerminalCommand{wt, {QStringLiteral("ssh"), hostAlias}, {}, {}};
        const QString powershell = m_find(QStringLiteral("powershell.exe"));
        if (!powershell.isEmpty()) {
            return TerminalCommand{
                powershell,
                {QStringLiteral("-NoExit"), QStringLiteral("-Command"), sshCommand(hostAlias)},
                {},
                {}};
        }
        break;
    }
    }
    return makeError(QStringLiteral("no_terminal"),
                     tr("No terminal program was found. Copy the SSH command and run it in a "
                        "terminal of your choice."));
}

Result<void> TerminalLauncher::launch(const QString &hostAlias) const
{
    auto found = command(hostAlias);
    if (!found)
        return found.error();
    if (!found->scriptPath.isEmpty()) {
        QDir().mkpath(m_scriptFolder);
        QSaveFile script(found->scriptPath);
        if (!script.open(QIODevice::WriteOnly) ||
            !script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner) ||
            script.write(found->scriptText) != found->scriptText.size() || !script.commit()) {
            return makeError(QStringLiteral("terminal_failed"),
                             tr("Could not write %1.").arg(found->scriptPath));
        }
    }
    if (!QProcess::startDetached(found->program, found->arguments))
        return makeError(QStringLiteral("terminal_failed"),
                         tr("Could not start %1.").arg(found->program));
    return {};
}

} // namespace suanli::access
