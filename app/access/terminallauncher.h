#pragma once

#include "protocol/result.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace suanli::access {

enum class Platform
{
    Linux,
    MacOS,
    Windows
};
Platform currentPlatform();

/// A program to start detached, and for macOS the .command script it opens.
struct TerminalCommand
{
    QString program;
    QStringList arguments;
    QString scriptPath; ///< macOS: the .command file to write first (0700)
    QByteArray scriptText;
};

/// "Open terminal" (docs/ssh.md): runs `ssh <alias>` in the user's terminal. Linux tries
/// x-terminal-emulator, gnome-terminal, konsole, xfce4-terminal and xterm in that order; macOS
/// opens a .command file with Terminal; Windows uses Windows Terminal, else PowerShell.
class TerminalLauncher
{
public:
    /// Finds a program on PATH; empty when missing. Injected so tests choose what exists.
    using FindProgram = std::function<QString(const QString &)>;

    explicit TerminalLauncher(Platform platform = currentPlatform(), FindProgram find = {},
                              QString scriptFolder = {});

    /// The Linux terminals in the order they are tried, each with its way of running a command.
    static QList<TerminalCommand> linuxCandidates(const QString &hostAlias);
    /// The command for this platform, or "no_terminal" when none is installed.
    Result<TerminalCommand> command(const QString &hostAlias) const;
    /// Starts it (writing the macOS script first).
    Result<void> launch(const QString &hostAlias) const;

private:
    Platform m_platform;
    FindProgram m_find;
    QString m_scriptFolder;
};

} // namespace suanli::access
