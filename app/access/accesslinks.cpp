#include "accesslinks.h"

namespace suanli::access {

QUrl vscodeUrl(const QString &hostAlias, const QString &folder)
{
    QUrl url;
    url.setScheme(QStringLiteral("vscode"));
    url.setHost(QStringLiteral("vscode-remote"));
    url.setPath(QStringLiteral("/ssh-remote+") + hostAlias + folder);
    return url;
}

QString sshCommand(const QString &hostAlias)
{
    return QStringLiteral("ssh ") + hostAlias;
}

QUrl jupyterUrl(quint16 localPort, const QString &token)
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(localPort);
    // The root, not /lab: Jupyter redirects it to its own start page (/tree for the base
    // image's notebook 6, which has no /lab; /lab for JupyterLab) after taking the token.
    url.setPath(QStringLiteral("/"));
    // Percent-encode everything: QUrlQuery leaves '+' alone, which Jupyter reads as a space.
    url.setQuery(QStringLiteral("token=") + QString::fromLatin1(QUrl::toPercentEncoding(token)),
                 QUrl::StrictMode);
    return url;
}

} // namespace suanli::access
