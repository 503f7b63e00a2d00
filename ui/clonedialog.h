#pragma once

#include "app/instancescontroller.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace suanli::ui {

/// "Move to another host…" / "Clone…" (docs/app.md, "Clone and move"): the catalog's offers
/// that match the instance (same GPU model with enough free GPUs, another host), cheapest
/// first; the disk size; what happens to the source. Accepting asks the controller for the
/// clone; the list's progress then shows under the new instance.
class CloneDialog : public QDialog
{
    Q_OBJECT
public:
    CloneDialog(app::InstancesController *controller, const protocol::Instance &source, bool move,
                const QString &currency, QWidget *parent = nullptr);

    QTableWidget *offers() { return m_offers; }
    QPushButton *okButton() { return m_ok; }
    QSpinBox *diskBox() { return m_disk; }
    /// What accepting sends (the selected offer; offer_id 0 while none).
    protocol::CloneInstanceRequest request() const;

private:
    void showOffers(const Result<QList<protocol::Offer>> &offers);

    app::InstancesController *m_controller;
    protocol::Instance m_source;
    bool m_move;
    QString m_currency;
    QList<protocol::Offer> m_list;
    QLabel *m_status;
    QTableWidget *m_offers;
    QSpinBox *m_disk;
    QPushButton *m_ok;
};

} // namespace suanli::ui
