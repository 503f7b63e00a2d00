#pragma once

#include "client/marketclient.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace suanli::ui {

/// First run: "Try on this computer" (local mode) or "Connect to a market" (URL and token,
/// checked with GET /api/v1/me before it is accepted).
class FirstRunDialog : public QDialog
{
    Q_OBJECT
public:
    FirstRunDialog(QNetworkAccessManager *network, QWidget *parent = nullptr);

    QPushButton *localButton() { return m_local; }
    QPushButton *remoteButton() { return m_remote; }
    QLineEdit *urlEdit() { return m_url; }
    QLineEdit *tokenEdit() { return m_token; }
    QPushButton *connectButton() { return m_connect; }

signals:
    void localChosen();
    void marketChosen(const QUrl &url, const QByteArray &token,
                      const suanli::protocol::Account &account);

private:
    void check();

    client::MarketClient m_client;
    QStackedWidget *m_pages;
    QPushButton *m_local;
    QPushButton *m_remote;
    QLineEdit *m_url;
    QLineEdit *m_token;
    QPushButton *m_connect;
    QLabel *m_status;
};

} // namespace suanli::ui
