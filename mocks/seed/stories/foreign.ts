import { devices } from '../catalog';
import { money } from '../text';
import { templates } from './types';

/*
 * Customers who write in their own language. The AI answers in kind; the anomaly rule still
 * flags them because the support floor's expected language is English.
 */
export const foreignStories = [
  ...templates('shipping', 'es', {
    'es-shipping-delay'({ rng, order, product, carrier, tracking }) {
      const days = rng.int(7, 14);
      return {
        subject: `Pedido #${order} sin entregar`,
        message: [
          `Mi pedido #${order} (${product.name}) debía llegar hace ${days - 5} días y el seguimiento de ${carrier} no se ha actualizado desde entonces.`,
          '¿Pueden decirme dónde está mi paquete?',
        ],
        topic: 'delayed delivery (Spanish)',
        reference: `pedido #${order}`,
        retrieve: 'Retrieved the late-delivery policy and the Spanish reply templates',
        toolCall: `Looked up order #${order}: shipped ${days} days ago with ${carrier}, no scan for 5 days`,
        reply: [
          `Siento mucho el retraso de su pedido #${order}. He comprobado el envío: salió de nuestro almacén hace ${days} días con ${carrier}, pero lleva cinco días sin movimiento.`,
          `He abierto una investigación con ${carrier} y le escribiremos en un plazo de 24 horas. Puede seguir el paquete con el número ${tracking}.`,
        ],
      };
    },
  }),
  ...templates('billing', 'es', {
    'es-billing-double-charge'({ order, product }) {
      return {
        subject: 'Cobro duplicado',
        message: [
          `Me han cobrado dos veces ${money(product.price, 'es')} por el pedido #${order}. Solo hice un pedido.`,
          'Por favor, devuélvanme el cargo duplicado.',
        ],
        topic: 'duplicate charge (Spanish)',
        reference: `pedido #${order}`,
        retrieve: 'Retrieved the duplicate-authorisation guide and the Spanish reply templates',
        toolCall: `Looked up payments for order #${order}: 2 authorisations, 1 captured`,
        reply: [
          `Lamento el cargo duplicado en el pedido #${order}. Solo se cobró un pago de ${money(product.price, 'es')}; el segundo es una retención pendiente.`,
          'Hemos pedido a nuestro equipo de pagos que la libere; desaparecerá de su extracto en un plazo de 3 a 5 días hábiles.',
        ],
      };
    },
  }),
  ...templates('technical', 'de', {
    'de-technical-app-crash'({ rng }) {
      const device = rng.pick(devices);
      return {
        subject: 'App stürzt ständig ab',
        message: [
          `Seit dem letzten Update stürzt die Lumen-App auf meinem ${device} jedes Mal ab, wenn ich die Geräteübersicht öffne. Neu installieren hat nicht geholfen.`,
        ],
        topic: 'app crash after update (German)',
        reference: 'Ihre Lumen-App',
        retrieve:
          'Found known issue APP-3112 (device list crash in 5.13.0) and the German reply templates',
        toolCall: null,
        reply: [
          `Danke für Ihre Nachricht und entschuldigen Sie die Unannehmlichkeiten. Die aktuelle Version hat einen bekannten Fehler, der die Geräteübersicht auf manchen Telefonen, auch dem ${device}, abstürzen lässt.`,
          'Die Korrektur kommt mit dem nächsten Update noch in dieser Woche. Bis dahin können Sie Ihre Geräte über lumen.example/konto im Browser verwalten.',
        ],
      };
    },
  }),
  ...templates('account', 'de', {
    'de-account-locked'({ customer }) {
      const [user = '', domain = ''] = customer.email.split('@');
      const masked = `${user.slice(0, 2)}***@${domain}`;
      return {
        subject: 'Konto gesperrt',
        message: [
          'Ich habe mein Passwort dreimal falsch eingegeben und jetzt ist mein Konto gesperrt. Die E-Mail zum Zurücksetzen kommt nicht an.',
        ],
        topic: 'locked account (German)',
        reference: 'Ihr Konto',
        retrieve: 'Retrieved the account-unlock procedure and the German reply templates',
        toolCall: `Looked up the account for ${masked}: locked after 3 failed attempts; reset email bounced`,
        reply: [
          `Das tut mir leid. Ihr Konto wurde nach drei Fehlversuchen zu Ihrem Schutz gesperrt, und unsere E-Mail an ${masked} wurde leider nicht zugestellt.`,
          'Ich habe die Sperre aufgehoben und Ihnen einen neuen Link gesendet. Bitte prüfen Sie auch Ihren Spam-Ordner; der Link ist 24 Stunden gültig.',
        ],
      };
    },
  }),
  ...templates('shipping', 'fr', {
    'fr-shipping-damaged'({ rng, order, product }) {
      return {
        subject: 'Produit arrivé endommagé',
        message: [
          `Mon ${product.name} (commande #${order}) est arrivé avec le ${product.part} cassé. Je joins des photos.`,
          'Pouvez-vous m’envoyer un remplacement ?',
        ],
        topic: 'damaged item (French)',
        reference: `commande #${order}`,
        retrieve: 'Retrieved the damaged-in-transit policy and the French reply templates',
        toolCall: `Looked up order #${order}: delivered 1 day ago; replacement stock available`,
        attachments: rng.int(1, 2),
        reply: [
          `Je suis désolé que votre ${product.name} soit arrivé endommagé, et merci pour les photos.`,
          `Un remplacement gratuit pour la commande #${order} part aujourd’hui et devrait arriver sous 2 à 4 jours ouvrés. Inutile de nous renvoyer l’article endommagé.`,
        ],
      };
    },
  }),
];
