#pragma once

#include "app/instancescontroller.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QTimer;

namespace suanli::ui {

/// The instance's container log (last lines), refreshed every few seconds while open.
class LogDialog : public QDialog
{
    Q_OBJECT
public:
    LogDialog(app::InstancesController *controller, qint64 instanceId, const QString &title,
              QWidget *parent = nullptr);

private:
    app::InstancesController *m_controller;
    qint64 m_id;
    QPlainTextEdit *m_text;
    QLabel *m_status;
    QTimer *m_refresh;
};

} // namespace suanli::ui
