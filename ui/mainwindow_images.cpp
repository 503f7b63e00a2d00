#include "mainwindow.h"

#include "app/session.h"
#include "instancesview.h"
#include "myimagesdialog.h"
#include "saveimagedialog.h"

#include <QMenu>

using namespace Qt::StringLiterals;

// Saved images (docs/app.md, "Saved images"): the instance's "Save as image…" and the
// "My images…" dialog, both over the session's market client.

namespace suanli::ui {

void MainWindow::setupImages(QMenu *menu)
{
    connect(m_instances, &InstancesView::saveImageRequested, this, [this](qint64 id) {
        const int row = m_session->instances()->model()->rowOf(id);
        if (row < 0)
            return;
        auto *dialog =
            new SaveImageDialog(m_session->client(), m_session->instances()->model()->instance(row),
                                m_session->account().currency, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    QAction *images = menu->addAction(tr("My &images…"), this, [this] {
        auto *dialog = new MyImagesDialog(m_session->client(), m_session->account().currency, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    images->setObjectName(u"myImagesAction"_s);
    // Before Quit, with the account's other windows.
    const QList<QAction *> actions = menu->actions();
    if (actions.size() >= 3) {
        menu->removeAction(images);
        menu->insertAction(actions[actions.size() - 3], images);
    }
}

} // namespace suanli::ui
