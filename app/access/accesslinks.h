#pragma once

#include <QString>
#include <QUrl>

namespace suanli::access {

/// Opens the instance's /workspace in VS Code Remote-SSH through the Host alias we wrote:
/// vscode://vscode-remote/ssh-remote+suanli-<label>/workspace
QUrl vscodeUrl(const QString &hostAlias, const QString &folder = QStringLiteral("/workspace"));

/// What "Copy SSH command" puts on the clipboard: works in any terminal once the config is written.
QString sshCommand(const QString &hostAlias);

/// Jupyter through a local forward, with its token: http://127.0.0.1:<port>/?token=…
QUrl jupyterUrl(quint16 localPort, const QString &token);

} // namespace suanli::access
