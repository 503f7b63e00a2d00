#pragma once

// What containerruntime.cpp and containerruntime_recreate.cpp share; not part of the API.

#include "podman.h"

#include "protocol/result.h"

#include <QStandardPaths>
#include <QString>

namespace suanli::host::detail {

inline Error podmanError(const QString &code, const QString &what, const ProcessResult &r)
{
    return makeError(code, QStringLiteral("%1: %2").arg(what, r.reason()));
}

/// A tool by name on PATH, else in the sbin folders a non-login root shell may lack.
inline QString findTool(const QString &name)
{
    const QString inPath = QStandardPaths::findExecutable(name);
    return inPath.isEmpty() ? QStandardPaths::findExecutable(name, {QStringLiteral("/usr/sbin"),
                                                                    QStringLiteral("/sbin"),
                                                                    QStringLiteral("/usr/bin")})
                            : inPath;
}

} // namespace suanli::host::detail
