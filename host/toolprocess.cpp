#include "toolprocess.h"

#include <QProcess>

#include <memory>

namespace suanli::host {

void runTool(QObject *context, const QString &program, const QStringList &args,
             std::function<void(int, const QByteArray &)> done, const QByteArray &input)
{
    auto *process = new QProcess(context);
    process->setProcessChannelMode(QProcess::MergedChannels);
    auto finished = std::make_shared<bool>(false);
    auto finish = [process, finished, done](int code) {
        if (*finished)
            return;
        *finished = true;
        process->deleteLater();
        done(code, process->readAll());
    };
    QObject::connect(process, &QProcess::finished, context,
                     [finish](int code, QProcess::ExitStatus status) {
                         finish(status == QProcess::NormalExit ? code : -1);
                     });
    QObject::connect(process, &QProcess::errorOccurred, context,
                     [finish](QProcess::ProcessError e) {
                         if (e == QProcess::FailedToStart)
                             finish(-1);
                     });
    process->start(program, args);
    if (!input.isEmpty())
        process->write(input);
    process->closeWriteChannel();
}

} // namespace suanli::host
