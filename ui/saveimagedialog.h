#pragma once

#include "protocol/types.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace suanli::client {
class MarketClient;
}

namespace suanli::ui {

/// "Save as image…" of an instance (docs/app.md, "Saved images"): the renter names the image,
/// the market has the instance's host commit its system disk (not /workspace), and the dialog
/// follows the save until it is ready (with its size and what storing it costs) or failed.
class SaveImageDialog : public QDialog
{
    Q_OBJECT
public:
    SaveImageDialog(client::MarketClient *client, const protocol::Instance &instance,
                    const QString &currency, QWidget *parent = nullptr);

    QLineEdit *nameEdit() { return m_name; }
    QPushButton *saveButton() { return m_save; }
    QLabel *stateLabel() { return m_state; }
    /// The image being saved (id 0 before the market accepted it).
    const protocol::OwnImage &image() const { return m_image; }

signals:
    /// The save ended: state "ready" or "failed".
    void finished(const suanli::protocol::OwnImage &image);

private:
    void save();
    void poll();
    void showImage(const protocol::OwnImage &image);

    client::MarketClient *m_client;
    protocol::Instance m_instance;
    QString m_currency;
    protocol::OwnImage m_image;
    QLineEdit *m_name;
    QLabel *m_state;
    QPushButton *m_save;
    QDialogButtonBox *m_buttons;
    QTimer *m_poll;
};

/// A saved image's size for people: "1.2 GB" (decimal GB, the unit storage is priced in).
QString formatImageSize(qint64 bytes);

} // namespace suanli::ui
