#pragma once

#include "protocol/types.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;

namespace suanli::client {
class MarketClient;
}

namespace suanli::ui {

/// "My images" (docs/app.md, "Saved images"): the images the renter saved, where each lives, its
/// size and storage price, and Delete… (storage billing ends, the host frees it).
class MyImagesDialog : public QDialog
{
    Q_OBJECT
public:
    MyImagesDialog(client::MarketClient *client, const QString &currency,
                   QWidget *parent = nullptr);

    QTableWidget *table() { return m_table; }
    QPushButton *deleteButton() { return m_delete; }
    QLabel *stateLabel() { return m_state; }
    const QList<protocol::OwnImage> &images() const { return m_images; }
    /// Asks the market again.
    void reload();
    /// Deletes the selected image; `confirm` false skips the question (tests).
    void deleteSelected(bool confirm = true);

signals:
    void loaded();

private:
    void fill();

    client::MarketClient *m_client;
    QString m_currency;
    QList<protocol::OwnImage> m_images;
    QTableWidget *m_table;
    QLabel *m_state;
    QPushButton *m_delete;
};

} // namespace suanli::ui
