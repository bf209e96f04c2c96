// The built-in commerce lexicon. Two kinds of entries, both keyed by folded words or phrases:
//
// - REWRITES replace what the shopper wrote with plain English before anything else reads it: chat
//   spelling ("u" → "you"), and the common words of shop questions in Spanish, French, German,
//   Italian, Portuguese and Dutch ("envío" → "shipping", "où est ma commande" → "where is my order").
//   Intent patterns and retrieval then see one language.
// - EXPANSIONS add the store's own words for what the shopper means, at a lower weight than the words
//   they used: paraphrases ("money back" → refund, "fell apart" → warranty defects), everyday names
//   for catalog things ("sneakers" → running shoes) and places to the regions a policy names
//   ("Toronto" → Canada, "Berlin" → EU). Merchants add their own groups in settings (agent.synonyms).
//
// Entries are general shop vocabulary, not answers to particular questions: the held-out evaluation
// split measures whether they generalise.

/** "key: value | key: value" lines → map. Keys are folded phrases; values are English words. */
function table(source: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of source.split(/[|\n]/)) {
    const at = entry.indexOf(':');
    if (at < 0) continue;
    const value = entry.slice(at + 1).trim();
    for (const key of entry.slice(0, at).split(',')) {
      const k = key.trim();
      if (k && value) out.set(k, value);
    }
  }
  return out;
}

export const REWRITES = table(`
u: you | ya, yall, yah: you | ur: your | r: are | pls, plz, pleaseee: please | thx, ty, tks, thnx, thanx: thanks
ppl, ppls: people | bc, cuz, coz, bcoz: because | wat, wht, wut: what | hw: how | wen: when | abt: about
tmrw, tmr: tomorrow | 2day: today | b4: before | wanna: want to | gonna: going to | gotta: have to | rn: now
acct: account | pw, pwd: password | addr: address | pkg: package | sz: size | msg: message | asap: quickly
ordered the wrong, bought the wrong, picked the wrong, chose the wrong, ordered a wrong: want to exchange a
un article, l article, cet article, mon article, mes articles, les articles: an item | a ete, a été, ete, été, wurde, fue, e stata, e stato, foi: was
yo, sup, heya, oi: hey | hasnt: has not | hadnt: had not | wasnt: was not | werent: were not | arent: are not
cant: can not | wont: will not | didnt: did not | doesnt: does not | havent: have not | isnt: is not

hola, ola, bonjour, salut, hallo, ciao, buongiorno, buenos dias, bom dia, guten tag, hoi: hello
muchas gracias, mil gracias, merci beaucoup, merci bien, vielen dank, danke schon, danke sehr, grazie mille, muito obrigado, muito obrigada, heel erg bedankt, dank je wel, dank u wel, dankjewel: thanks
gracias, merci, danke, grazie, obrigado, obrigada, bedankt: thanks
wo bleibt, waar blijft: where is
ya se envio, se envio, ya enviaron, ya salio, ist verschickt, wurde verschickt, a ete expedie, a ete envoye, is verzonden: has shipped
hoe staat het met, ou en est, wie steht es um, como va, como esta, a che punto e, a che punto: how is | adios, tschuss, au revoir, tchau: bye
donde, ou, wo, dove, onde, waar: where | esta, est, ist, e: is | sind, son, sont, sono, sao, zijn: are
eure, euer, vos, votre, tus, sus, seu, sua, vostro, jullie: your | necesito, necesitamos, besoin, brauche, ho bisogno, preciso: need
aceptan, aceptas, acepta, aceptais, acceptez, akzeptiert, akzeptieren, accettate, aceitam, accepteren: accept
kostenlos, gratis, gratuit, gratuite, gratuito, gratuita, gratuitos: free | envoyez, envoyer, envoie, envoi: ship delivery
nederland, niederlande, pays bas, paises bajos: netherlands | naar, nach, vers: to
refusee, refuse, refusada, rechazada, rechazado, abgelehnt, rifiutata, recusado, recusada, geweigerd: declined | mi, mis, ma, mon, mes, mein, meine, meu, minha, mijn: my
el, los, las, la, le, les, der, die, das, dem, den, il, o, os, het: the | un, una, une, ein, eine, um, uma, een: a
de, del, du, des, von, di, da, van: of | en, em, nel: in | para, pour, fur, voor: for | con, avec, mit, com: with
y, et, und, ed: and | cuando, quand, wann, quando, wanneer: when | por que, pourquoi, warum, perche, porque: why
puedo, puis je, je peux, kann ich, posso, kan ik: can i | je: i | je voudrais, je veux, quiero, quisiera, ich mochte, ich will, vorrei, eu quero, gostaria, ik wil: i want | tienen, avez vous, habt ihr, haben sie, tem: do you have
cuanto, cuanto cuesta, combien, combien coute, wie viel, wieviel, quanto, quanto custa, quanto costa, hoeveel: how much
cuanto tarda, cuanto tiempo, combien de temps, wie lange, quanto tempo, hoe lang: how long
cuesta, coute, kostet, kosten, costa, custa, kost: cost | tarda, tardan, dauert, prend, demora, duurt: take
envio, envios, enviar, envian, envias, enviais, spedizione, spedire, spedite, spedizioni, frete, verzending, verzenden: shipping
livraison, livrer, livrez, livrez vous, expedition, expedier, expediez, versand, versenden, versendet, liefern, lieferung, lieferzeit, entrega, consegna, levering: delivery
gastos de envio, frais de port, frais de livraison, versandkosten, costi di spedizione, custo de envio: shipping cost
devolucion, devoluciones, devolver, devolucao, retour, retours, retourner, ruckgabe, rucksendung, zuruckgeben, zurucksenden, reso, resi, restituire, terugsturen: return
reembolso, reembolsos, remboursement, rembourser, rembourse, remboursee, ruckerstattung, erstattung, erstattet, zuruckerstattet, geld zuruck, rimborso, rimborsato, terugbetaling, terugbetaald: refund
dinero, argent, geld, soldi, dinheiro: money | me devuelven el dinero, devolver el dinero, devuelven el dinero, rendre l argent, geld zuruckbekommen: refund
lunes, lundi, montag, lunedi: monday | viernes, vendredi, freitag, venerdi, sexta: friday | sabado, samedi, samstag, sabato: saturday | domingo, dimanche, sonntag, domenica: sunday
cambio, cambiar, echange, echanger, umtausch, umtauschen, troca, trocar, ruilen: exchange
garantia, garantie, garanzia: warranty | politica, politique, richtlinie: policy
pago, pagos, paiement, zahlung, pagamento, betaling: payment | pagar, payer, zahlen, bezahlen, pagare, betalen: pay
metodos de pago, moyens de paiement, zahlungsmethoden, zahlungsarten, metodi di pagamento, formas de pagamento: payment methods
tarjeta, carte, karte, carta, cartao: card | tarjeta regalo, carte cadeau, gutschein, carta regalo, cartao presente: gift card
tienda, tiendas, magasin, magasins, boutique, geschaft, laden, filiale, negozio, loja, winkel: store
horario, horarios, horaires, offnungszeiten, orari, horario de funcionamento, openingstijden: opening hours
talla, tallas, taille, tailles, pointure, grosse, grossen, taglia, tamanho, maat: size | guia, guide des tailles: guide
pedido, pedidos, commande, commandes, bestellung, bestellungen, ordine, ordini, bestelling: order
danado, danada, abime, abimee, endommage, endommagee, beschadigt, danneggiato, danificado: damaged
roto, rota, rotos, rotas, se rompio, se rompieron, rompio, rompieron, casse, cassee, est casse, kaputt, kaputtgegangen, kaputt gegangen, rotto, rotta, si e rotto, si e rotta, quebrado, quebrada, quebrou, kapot, stuk: broken
llego, llegaron, arrivee, angekommen, arrivato, arrivata, chegou, aangekomen, geleverd, geliefert, livre, livree, entregado: arrived
kreditkarte, tarjeta de credito, carte de credit, carte bancaire, carta di credito, cartao de credito, creditcard: credit card
rabattcode, gutscheincode, code promo, codigo promocional, codice sconto, kortingscode, cupon: promo code
terug te sturen, terug sturen, retourneren, renvoyer, zurueckschicken, zuruckschicken, zuruckgeben, devolverlo, devolverla: return
mitarbeiter, mitarbeiterin, mensch, menschen, persona, personne, persoon, medewerker, operatore, atendente: person
verfolgen, suivre, rastrear, volgen, tracciare, rastreio: track | bestellen, commander, ordinare, encomendar: order
soll ich, sollte ich, debo, deberia, devrais, dois je, moet ik, dovrei: should i | welche, welcher, welches, quelle, quel, que, cual, welke, quale, qual: what
vergessen, oublie, olvide, vergeten, dimenticato, esqueci: forgot | passwort, kennwort, mot de passe, contrasena, wachtwoord, senha: password
fehlt, fehlen, manque, manquant, manquante, falta, faltan, ontbreekt, manca, mancano, faltando: missing | artikel, articulo, articolo, artigo: item
verfugbar, wieder verfugbar, disponible, disponibles, disponibile, disponivel, beschikbaar, op voorraad, auf lager, en stock: available | wieder, de nuevo, opnieuw, di nuovo: again
reissverschluss, fermeture eclair, cremallera, cerniera, rits, ritssluiting, ziper, fecho: zipper | sohle, semelle, suela, zool, suola: sole
lost sich, losst sich, se decolle, se despega, laat los, si stacca, descola: came off | zoll, douane, aduana, dogana, alfandega: customs
steuer, steuern, impuestos, impuesto, belasting, imposto, impostos: tax | raten, ratenzahlung, a plazos, en plusieurs fois, termijnen, a rate, parcelado, parcelas: installments
mochte, mochten, mochtest: want | andere, anderen, anders, otra, otro, autre, altra, altro, outra, outro: different | per: for
funktioniert nicht, ne fonctionne pas, ne marche pas, no funciona, werkt niet, non funziona, nao funciona: not working | funktioniert, fonctionne, funciona, werkt, funziona: works
wolle, laine, lana, wol: wool | waschen, wasche, laver, lavar, lavare, wassen: wash | rugzak: backpack | bergschuhe, botas de montana: hiking boots
suche, ich suche, busco, je cherche, cerco, procuro, ik zoek, zoek: looking for | dura: take
pointure: shoe size | pedir, encargar: order | nehmen, prendre, tomar, nemen: take | geschenke: gift | kaufen, acheter, comprar, kopen, comprare: buy
sprechen, reden, hablar, parler, parlare, falar, spreken: speak | tnx, thnks, thks, thanx: thanks | cn: can
persn, prson, peron, peson: person | humna, humen, hooman: human | einem, einen, einer: a
iets: something | heb, hebben: have | hoe: how | lang: long | wie, como: how | kan: can
colis, paquete, paket, pacco, pacote, pakket, encomenda: package | perdu, perdue, perdido, perdida, verloren, perso, persa, kwijt: lost
falsch, falsche, falschen, falscher, equivocado, equivocada, incorrecto, incorrecta, mauvais, mauvaise, sbagliato, sbagliata, errado, errada, verkeerd, verkeerde: wrong
bekommen, erhalten, recibido, recibi, recu, recue, ricevuto, recebi, recebido, ontvangen: received | habe, hab: have | ich: i
chaqueta, chaquetas, veste, vestes, manteau, jacke, jacken, giacca, giacche, jaqueta, jas, jassen: jacket | zapatos, zapatillas, chaussures, schuhe, scarpe, sapatos, tenis, schoenen: shoes
botas, bottes, stiefel, wanderschuhe, scarponi, laarzen: boots | mochila, sac a dos, rucksack, zaino: backpack
calcetines, chaussettes, socken, calze, meias, sokken: socks | regalo, cadeau, geschenk, presente, kado: gift
descuento, reduction, rabatt, sconto, desconto, korting: discount | estudiante, etudiant, student, studente, estudante: student
cancelar, annuler, stornieren, annullare: cancel | cuenta, compte, konto, conta: account | precio, prix, preis, prezzo, preco, prijs: price
espana: spain | alemania, deutschland, allemagne, germania, alemanha, duitsland: germany | francia, frankreich, franca, frankrijk: france
inglaterra, angleterre, inghilterra: england | italie, italien: italy | osterreich: austria | schweiz, suisse, svizzera: switzerland
auch, aussi, tambien, anche, tambem, ook: also | ihr, vous, voce, voces: you | es, sie: it | sehr, tres, muy, molto, muito, erg: very
nicht, pas, nao, niet: not | aber, mais, pero, maar: but | oder: or | wenn, si, se: if | schon, deja: already | noch, encore, nog: still
nur, seulement, solo, solamente, somente, alleen: only | jetzt, maintenant, ahora, adesso, agora, nu: now | hier, ici, aqui, qui: here
geoffnet, offen, ouvert, ouverts, abierto, abiertos, aperto, aperti, aberto, abertos: open | sonntags: sunday | samstags: saturday | montags: monday
bei: at | au, aux: to the | uno: a | ce: this | nous, nosotros, wir, noi, nos, wij: we | tengo, jai, ho, tenho, ik heb: i have | gibt es, gibts, hay, il y a, y a t il, ci sono, er is, zijn er: is there
vais, vas, voy, vamos, vou, vai, werde, wirst, wird, zal, zullen: will | recevoir, recibir, receber, ricevere, erhalten, bekomme, kriege, krijgen: receive
monat, monate, monaten, mois, meses, mese, mesi, maand, maanden: months | woche, wochen, semaine, semaines, semana, semanas, settimana, settimane, weken: weeks
tage, tagen, jour, jours, dias, giorno, giorni, dagen: days | schmutzig, sucio, sucia, sucios, sporco, sporchi, sujo, sujos, vuil, vies: dirty
reinigen, reinige, nettoyer, nettoie, limpiar, limpio, pulire, pulisco, limpar, limpo, schoonmaken: clean | loch, locher, trou, trous, agujero, agujeros, buco, buchi, buraco, gat, gaten: hole
naht, nahte, couture, costura, costuras, cucitura, naad, naden: seam | riss, dechirure, dechire, rotura, strappo, rasgo, scheur: tear
studenten, studentin, estudiantes, etudiants, etudiante, studenti, estudantes: student | rabatt fur studenten, studentenrabatt: student discount
`);

/** US states and large cities: a domestic destination (not a place that weighs like the rarest word). */
const US_PLACES =
  'alabama, alaska, arizona, arkansas, california, colorado, connecticut, delaware, florida, georgia, hawaii, idaho, illinois, indiana, iowa, kansas, kentucky, louisiana, maine, maryland, massachusetts, michigan, minnesota, mississippi, missouri, montana, nebraska, nevada, new hampshire, new jersey, new mexico, new york, north carolina, north dakota, ohio, oklahoma, oregon, pennsylvania, rhode island, south carolina, south dakota, tennessee, texas, utah, vermont, virginia, washington, west virginia, wisconsin, wyoming, puerto rico, new york city, nyc, los angeles, san francisco, seattle, chicago, houston, dallas, austin, phoenix, philadelphia, boston, miami, atlanta, denver, portland, burlington, san diego, las vegas, nashville, detroit, minneapolis, salt lake city, baltimore, brooklyn';

const REGIONS: Array<[string, string]> = [
  [
    'canada international',
    'canada, toronto, vancouver, montreal, calgary, ottawa, edmonton, winnipeg, quebec, ontario, british columbia, alberta, manitoba, saskatchewan, nova scotia, halifax, victoria bc',
  ],
  [
    'uk international',
    'uk, london, manchester, birmingham, glasgow, edinburgh, liverpool, leeds, bristol, cardiff, belfast, england, scotland, wales, northern ireland, britain, great britain, united kingdom, gb',
  ],
  [
    'eu international',
    'eu, europe, european union, germany, france, spain, italy, netherlands, holland, belgium, austria, ireland, portugal, sweden, denmark, finland, poland, greece, czech, czechia, hungary, romania, croatia, slovakia, slovenia, luxembourg, estonia, latvia, lithuania, bulgaria, cyprus, malta, berlin, munich, hamburg, frankfurt, cologne, paris, lyon, marseille, madrid, barcelona, valencia, rome, milan, naples, amsterdam, rotterdam, brussels, vienna, dublin, lisbon, porto, stockholm, copenhagen, helsinki, warsaw, athens, prague, budapest',
  ],
  [
    'australia international',
    'australia, sydney, melbourne, brisbane, perth, adelaide, canberra, hobart, tasmania, queensland',
  ],
  [
    'other countries international',
    'mexico, japan, china, india, brazil, new zealand, south africa, singapore, korea, south korea, israel, russia, argentina, chile, norway, switzerland, iceland, turkey, uae, dubai, hong kong, taiwan, philippines, indonesia, malaysia, thailand, vietnam, nigeria, kenya, egypt, colombia, peru, saudi arabia, qatar, pakistan',
  ],
];

export const EXPANSIONS = table(`
money back, reimburse, reimbursed, reimbursement, credit back, refunded, my money, no money, get money, get the money, money for my, see the money, get paid back, paid back: refund
deliver, delivering, delivers: ship shipping delivery | delivery, deliveries: shipping | delivered: delivery
send, sending, sent, mail, mailing, post, postage, dispatch, dispatched: ship shipping
courier, carrier, ups, fedex, usps, dhl: carrier shipping | arrive, arrives, arriving, get it, receive it: arrive shipping
how long, how many days, how soon: days | how fast, how quick, how quickly: express days | next day, overnight, fast, faster, quick, quickly, rush, expedited, urgent: express
same day: same day ship | parcel, parcels: package | package, packages: parcel | box: package parcel | shipment: package parcel
charges, charge, fee, fees, price, pricing, how much, costs: cost | cost: price | free, for free, free of charge, no charge, at no cost: cost
need it by, get it by, have it by, arrive by, arrive in time, here in time, in time, get here, gets here, get to me, reach me, by the weekend, by monday, by tuesday, by wednesday, by thursday, by friday, by saturday, by sunday, by christmas, by next week, before christmas, before my trip: arrive days express shipping
monday, tuesday, wednesday, thursday, friday, weekday, weekdays: days business
bring in, bring it in, bring them in, bring it to, bring them to, bring to, drop off, drop it off, drop them off, take it to, take them to: store return
abroad, overseas, worldwide, outside the us, other countries, internationally, international: international countries
usa, america, united states, domestic, us only, stateside, lower 48: united states
broke, broken, break, breaks, defect, defects, defective, faulty, fault, malfunction, snapped, snap: defects warranty
ripped, rip, torn, tore, tear, tearing, split, fell apart, falling apart, coming apart, come apart, came apart: seams apart defects warranty
came off, come off, coming off, peeling, peel, separating, separated, separate, delaminating, unglued: separation defects warranty
stitching, stitches, seam: seams | fix, fixed, mend, repaired: repair | guarantee, guaranteed, guaranty: warranty guaranteed
covered, cover: covers warranty | hole, holes, a hole, wore a hole, worn a hole: wears through worn defects warranty | wore through, worn through, worn out, wearing out: wears through worn
zip, zips, zipper, zippers: zippers zips | buckle: buckles | pole: poles | eyelet, eyelets: eyelets
send back, send it back, sending back, sent back, give back, take back, bring back, returning, returned: return
swap, switch, trade, trade in: exchange | replace, replacement, replaced: exchange replacement | too small, too big, too tight, too loose, too short, too long, too narrow, too wide: size fit exchange | tight, loose, run small, runs small, run big, bigger, smaller, larger, roomy, baggy, snug, slim, slim fit, fitted, oversized, boxy: size fit
fit, fits, fitting: size fit | wide, wider, narrow: wide widths | measure, measuring, measurements: measure | convert, conversion, european: conversions eu
cm, centimeter, centimeters, centimetre: centimetres measurements | tee, tees, tshirt, tshirts: shirt | amex: american express | bitcoin, crypto, ethereum, btc: cryptocurrency | cod: cash on delivery
buy now pay later, pay later, bnpl, afterpay, affirm, financing, payment plan, split payment, split the payment: klarna installments
installment, installments, instalment, instalments: installments klarna | rejected, declining, wont go through, will not go through, not going through, keeps failing, keep failing, failed, fails, failing: declined
debit: debit card | cheque, cheques: checks | paying, pay: payment | payment options, ways to pay: payment methods
customs, duty, import, importing, vat, gst: duties taxes import | tax, taxes: sales tax | tax free, tax exemption: tax exempt
nonprofit, non profit, charity, school district: tax exempt organisations
edit, modify, amend, alter, wrong address, add to, add another, add an item, add something, combine orders, remove an item, take off: change | change, changing, changed: update | update, updating, updated: change | mistake: change wrong
half my order, rest of my order, the rest, rest of it, rest of the order, incomplete, partial, part of my order, part of the order, not all, only got, only received, only came, only arrived, only half: missing items second parcel
someone elses, wrong item, not what i ordered: wrong items | restock, restocked, back in stock, be back: restocks stock notify
sold out, out of stock, unavailable, available, availability: stock sold out | preorder, pre order: backorder
stole, stolen, theft: lost | never arrived, never came, did not arrive, did not receive, not received, not delivered, nothing at my door: lost delivered
porch, doorstep, mailbox: delivered | neighbor, neighbors: neighbours | crushed, dented, smashed, damage, ruined, destroyed, wrecked, scuffed, scratched, ripped open, torn open, arrived broken, broken on arrival, arrived damaged: damaged
showed up, turned up, came in, got here: arrived delivery
never wore, never worn, not worn, unused, never used, not used, never opened, unopened, tags on, with tags, tags still on, brand new: unworn original condition
login, log in, log into, logging in, log on, logon, locked out, sign in, signin, signup, sign up, register, registration, username, profile: account sign
unsubscribe, mailing list, emails, marketing emails: newsletter preferences | gdpr, my data, personal information: personal data delete
clean, cleaning, wash, washing, launder, laundry, machine wash: washing wash clean | dryer, tumble: tumble dry
shrink, shrinks, shrunk, shrinking: washing | mud, muddy, dirt, dirty: mud brush | smell, smells, stink, stinks, odor: odour
reproof, reproofing, waterproofing, rewaterproof: waterproofing treatment | soaked, wet: dry | gore tex, goretex, shell, hardshell: waterproof jacket
rain jacket, raincoat, rain coat: waterproof jacket rain | beading, beads: beading water
open, opening, opens, close, closing, closes, late: hours | shop, shops, outlet: store | location, located, near me, in person, visit: locations store
coupon, coupons, voucher, vouchers, discount code, promo, promotion: promo code discount
deal, deals, sale, sales, black friday: sales promo | price drop, price dropped, dropped in price, went on sale, cheaper now, price went down: drops price difference
college, university, uni, school, campus: student | present, presents, gifted: gift
pack, packs, rucksack, daypack, bag, bags: backpack | torso, back length: torso
sneaker, sneakers, trainer, trainers, kicks: running shoes | runners, trail runners: running shoes
coat, coats, parka, anorak: jacket | puffer, down jacket: puffer insulated jacket | hat, hats, toque, tuque: beanie
flashlight, torch, head torch: headlamp | flask, thermos, bottle: water bottle insulated
thermal, thermals, long johns, underwear, leggings: base layer thermal | walking poles, hiking poles, sticks: trekking poles
shelter: tent | people, persons, ppl: person | children, child, youth, toddler: kids
go out, goes out, sent out, ship out, ships out, leave the warehouse, leaves the warehouse: ship same day | noon, midday: before same day
return window, return period, returns window, return deadline, return time limit: return within days
money instead, cash instead, for cash, cash out, cash back: cash | go back, goes back, take them back, take it back, can they go back: return
leaking, leaks, leak, wetting out, wets out, soaking through, soaks through: waterproof water beading dwr | repellency, repellent: water repellent finish
drying out, dried out: conditioner wax leather
bent, bends, warped, buckled: defects repair warranty | threadbare, worn thin, wearing thin, gone thin: wears through worn |
unsuccessful, unsuccesful, did not go through, didnt go through: declined | out for delivery: tracking delivery |
have more, get more, more stock, any more, more in, more of: restocks stock | egift, egifts, e gift, ecard: gift card | stuck, jammed, jams: defects repair | crack, cracked, cracks: defects warranty | stack, stacking, stackable: combined one code | flattened, compressed, worn down, packed out, flat: compressed cushioning worn
different colour, different color, different size, wrong colour, wrong color, not the colour, not the color: wrong colour size
shown up, show up, showing up, not showing, appeared, not appeared, hasnt appeared: show credit
expiry, expire, expires, expired, expiration, valid, validity: expire | coming undone, came undone, come undone: seams apart defects warranty
foot, feet: shoe size measure | height, tall, short: height | cutoff, cut off, deadline, order by: before same day
wore, worn, wearing, worn outside, used it, used them, tried on, tried them on, tried it on: worn
do you take, do you accept, can i pay with, can i pay by, can i pay using: accept payment methods
buy used, buy back, buyback, buy my, sell you my, sell my, sell back, sell used: resale
not from you, isnt from you, is not from you, not bought from you, from another store, from another shop, another retailer, bought elsewhere, ordered elsewhere, somewhere else, from amazon, on amazon: elsewhere
can not be returned, can not return, cannot be returned, cant be returned, non returnable, nonreturnable, not returnable, not eligible, ineligible: cannot eligible
two boxes, two parcels, two packages, separate boxes, separate packages, more than one box, split shipment, arrived separately, second box, other box, other parcel, other package: one box second parcel
stop sending, stop emailing, stop sending me, opt out, opt me out, take me off: newsletter preferences
first order, my first order, first purchase, percent off: newsletter promo first
flat feet, flat foot, flat footed, high arches, high arch, overpronation, pronation: arch support stability
fastest, quickest, soonest, earliest, speediest, fastest way: express
weekend, weekends: saturday sunday business days
not changed, not moved, not updated, not moving, no update, no updates, has not changed, has not moved, has not updated, not been updated: tracking moved
sealed, still sealed, in the packaging, in its packaging, still in the packet, still packaged: opened unworn original condition
iron, ironing, steam, steaming, dry clean, dry cleaning, dry cleaner: washing care heat
christmas eve, christmas day, new years day, new years eve, thanksgiving, public holiday, bank holiday, holiday hours, holidays, memorial day, labor day, july 4th: hours days
sleeping bag, sleeping bags, sleeping pad, sleeping pads, sleeping mat: sleeping bag
get it tomorrow, it tomorrow, by tomorrow, arrive tomorrow, here tomorrow, tomorrow morning, next morning: arrive express days shipping
pay extra, extra charge, extra cost, pay more, costs extra: cost express
ordered me, ordered for me, sent me a gift, sent me as a gift: gift present
without her knowing, without him knowing, without them knowing, without knowing, without telling, secretly, find out, finding out: notified
used once, used it once, used them once, only used, used outside, used outdoors, camping trip, on a trip: used outdoors worn
but ordered, but i ordered, but i had ordered, instead of the one i ordered: wrong items
red, blue, green, black, white, grey, gray, navy, orange, yellow, purple, pink, brown, beige, olive, khaki: colour
christmas, xmas, birthday, bday, anniversary, hanukkah, valentines, mothers day, fathers day, bought me, got me, gave me, gifted me, bought for me, got for me, given to me: gift present
taking so long, taking too long, taking forever, taking ages, so slow, delayed, delay, delays, running late: tracking moved days
stuck in, held at, held up, stuck at, in transit: tracking moved carrier
does not fit, do not fit, did not fit, will not fit, not fit, does not fit me, doesnt fit: exchange return size
west coast, east coast, midwest, the south, lower 48, continental us, mainland us: united states
not in the box, not in the package, not in the parcel, wasnt in, was not in, not included, left out, missing from: missing items
stock market, stock markets, stocks and shares, stock price, stock prices, share price, share prices, buy stocks, buy shares, which stocks, what stocks, stock tips, trade stocks, trading stocks, crypto trading, trade crypto, savings account, tax return, tax returns, income tax, tax advice: investing
best credit card, credit card debt, pay off my credit card, pay off my card, credit card rewards, cash back card, credit limit, credit score tips: investing
write me a, write a, compose a, make up a, tell me a story, a story about, bedtime story, song about, poem about, haiku, limerick, essay, lyrics, riddle: creative
going to snow, going to rain, gonna snow, gonna rain, will it snow, will it rain, is it snowing, is it raining, chance of rain: weather
fall apart, falls apart, fell to pieces, falling to pieces, falling to bits: seams apart defects warranty | paid: payment
lunch, lunchtime, before lunch, morning: before same day | minimum spend, minimum order, minimum purchase, spend over, spend at least, orders over, order over: free orders over
driver, delivery driver, delivery guy, delivery man, postman, mailman, postie: carrier delivery
same status, still says, still shows, still showing, stuck on, same place, same spot, same location: tracking moved
guest, as a guest, guest checkout, without an account, without signing up: account sign
dont like, do not like, did not like, not happy with, changed my mind, change my mind, not for me, does not suit, doesnt suit, not what i expected, hate it, hate them, not keen on: return exchange
bank account, hit my account, hit my bank, hits my account, hits my bank, hit my card, bank statement, card statement: bank card credit show
credit score, credit check, credit rating, affect my credit, hurt my credit, impact my credit, hard check, soft check: credit check score
spread the cost, spread the payments, spread payments, spread it out, pay monthly, monthly payments, pay over time, in chunks, in parts, pay it off: klarna installments
bounce, bounced, bounces, bouncing, not accepted, will not accept, does not accept my, not accepting, is not accepting, card not working, card does not work, card is not working, will not take my card: declined
erase, wipe, forget me: delete | stop getting, stop receiving, no more emails, too many emails: newsletter preferences
wore thin, went thin, worn through: wears through worn | strap, straps, hip belt, waist belt, shoulder strap, chest strap, sternum strap: buckles backpacks
snagged, snag, caught it, caught on, accidentally, by accident, my fault, i dropped: accidents
typed, typo, misspelled, misspelt, typed the wrong, entered the wrong, put the wrong: mistake change wrong
sit right, sits right, sit properly, sits properly, sit well, sits well, sits, sit: fit
xs, xl, xxl, xxs: size | s m or l, s m l, s or m, m or l: size small medium large
normally a, usually a, normally wear, usually wear, normally take, usually take, i wear a, i take a, other brands: size usual
not the ones, not the one, is not what i ordered, not the right one, not the right ones, the wrong ones, wrong ones, wrong one, different from what i ordered: wrong items
is not in it, not in it, is not in there, not in there, were not in, are not in, only one came, only 1 came, one came, 1 came, one arrived, 1 arrived, the other one, other item, other items: missing items second parcel
try on, try it on, try them on, trying on, try before i buy, try before buying: store fit in person
now its cheaper, its cheaper now, its now cheaper, now cheaper, got cheaper, is cheaper now, difference back, refund the difference, price difference, marked down, been reduced, was reduced, reduced price: drops price difference
sell vouchers, buy vouchers, buy a voucher, gift voucher, gift vouchers, gift certificate, gift certificates: gift card
new customer, first time, welcome code, welcome discount, signup discount, sign up discount: newsletter promo first
caked, crusted, caked on: mud dirty | restocking, restock: return fee
leaks at the seam, leaks at the seams, leaking at the seam, leaking at the seams, seam is leaking, seams are leaking, seams leak, seam leaks, leaky seam, leaky seams, leaking seams: seams defects warranty
will not close, does not close, not closing, will not zip, does not zip, will not stay closed: zippers defects repair
2 day, two day, 1 day, one day, next business day, 2 business days, two business days: express days
stop shipping, stop taking orders, last orders: before same day | time limit, limit, how long do i have, how many days do i have: within days
funds, insufficient funds, enough money, money in my account, money in the account, have money: bank card | transaction, transactions: payment
came loose, come loose, coming loose, loose thread, loose threads, loose stitching, unravelling, unraveling, unravel, unravels, fraying, frayed, fray: seams apart defects warranty
address is wrong, address was wrong, incorrect address, address wrong: change address
only one in, only 1 in, one in the box, only one of, only one of them: missing items second parcel
close my account, close account, cancel my account, deactivate, deactivate my account: delete account personal data
max value, maximum value, max amount, maximum amount, min value, minimum value, minimum amount, how much can i put, how much can i load, denominations: amounts
10 off, 15 off, 20 off, 5 off, 25 off, per cent off, for signing up, for subscribing, for joining: newsletter promo discount first
apple pay, google pay, samsung pay, shop pay: accept payment methods
mom sent me, mum sent me, dad sent me, mother sent me, father sent me, grandma sent me, grandpa sent me, grandmother sent me, grandfather sent me, nan sent me, nana sent me, aunt sent me, auntie sent me, uncle sent me, sister sent me, brother sent me, friend sent me, partner sent me, wife sent me, husband sent me, girlfriend sent me, boyfriend sent me, parents sent me, family sent me, someone sent me, cousin sent me, son sent me, daughter sent me: gift present
around the house, in the house, indoors, inside only, worn inside, wore them inside, wore it inside, once inside, on carpet: unworn tried on
split into, split it into, split my order into, split the cost, into 4 payments, in 4 payments, 4 payments, four payments, into payments: klarna installments
pay on delivery, pay at the door, pay when it arrives, pay when the parcel arrives, pay when it comes: cash delivery | pay cash, pay in cash, in cash, cash payment: cash accept payment methods
an option, accepted: accept | dont take back, do not take back, dont accept back, do not accept back, dont accept returns, do not accept returns, cant return, cannot return, what cant i return, exceptions, exclusions, excluded: cannot eligible return
hurt, hurts, hurting, painful, pinch, pinches, pinching, rubbing, rubs: fit size | threw, thrown, tossed, chucked: damaged | caught: accidents
on a trail, on the trail, on a hike, hiked in, hiking in them, wore them outside, took them out, used them outside: used outdoors worn
soaks into, soaks in, soaking in, soaking into, soak in, absorbing water, absorbs water, rolling off, roll off, rolls off, runs off: waterproof water beading repellent
popped out, popped off, pops out, pops off, pop out, pop off: separation defects warranty
mins ago, min ago, minutes ago, an hour ago, just placed, just ordered, placed it today, placed this morning: within hour
next size, the next size, a bigger pair, a smaller pair, a larger pair, bigger one, smaller one, larger one, a different size, another size: exchange
go up a size, going up a size, go down a size, going down a size, go up half, going up half, go down half, going down half, go up or down: size fit
stocking stuffer, stocking stuffers, stocking filler, stocking fillers: gift | tops: shirt top
going up, goes up, gone up, going down, goes down, to the moon, price prediction: investing
capital of, population of, president of, prime minister, who invented, who discovered, who wrote, who painted, what year did, how far is, distance from: trivia
`);
for (const place of US_PLACES.split(',')) {
  const p = place.trim();
  if (!EXPANSIONS.has(p)) EXPANSIONS.set(p, 'united states');
}
/** Places: as specific as a word can be, so they weigh like the store's rarest word, not like "uk". */
export const PLACES = new Set<string>();
for (const [region, places] of REGIONS) {
  for (const place of places.split(',')) {
    EXPANSIONS.set(place.trim(), region);
    PLACES.add(place.trim());
  }
}

/**
 * Words shoppers use for a process that help centres name otherwise: "how long does delivery take" asks
 * about shipping, while articles say "delivery" for the moment a parcel arrives ("within 7 days of
 * delivery"). The shopper's word counts no more than the lexicon's reading of it.
 */
export const LOOSE_WORDS: ReadonlySet<string> = new Set(['delivery', 'deliveries']);

/**
 * Words that say little about which article is meant, even when the store's content happens to use
 * them: they count for a fraction of a content word, so "I bought them last month" neither drives
 * retrieval nor makes a long question look out of scope.
 */
export const FILLER = new Set(
  (
    'bought buying purchased purchase got getting gotten month months week weeks year years ago last yesterday today tomorrow tonight ' +
    'recently already still honestly really actually basically literally pretty quite bit little lot lots every everything ' +
    'anything nothing thing things kind sort sure maybe probably wondering wonder noticed notice think thought feel felt seems seem ' +
    'look looks looking see saw said say says tell told ask asked asking know knew wanted needed try tried trying use used using ' +
    'work works working worked go going went gone come coming came make made take took put give gave keep kept great good fine nice ' +
    'love loved like liked happy sad well also even ever again around instead else together first second new old same other another ' +
    'different whole able possible wife husband friend friends mom mum dad aunt uncle sister brother family someone somebody anyone ' +
    'online website site app guys folks lol haha omg hmm etc day days time times minute minutes hour ago soon currently ' +
    'usually normally typically always often sometimes mean means thing stuff one ones two three four five ten many much lot ' +
    'hope hoping thinking planning plan trip luck case issue problem question wanted okay alright wait waiting yeah yep nope ' +
    'buy sell sells selling recommend add adding added forgot forget remember call called read write twice everywhere nowhere ' +
    'best better worse worst idea ideas bye anyway though although because since while whether either neither both each ' +
    'let lets help helped helping show showed find found found wonderful awesome amazing terrible awful perfect ok ' +
    'daughter son wife husband boyfriend girlfriend partner mother father grandma grandpa grandmother grandfather niece nephew ' +
    'cousin boss coworker colleague needs needed wants says saying tells asks anymore yet happen happens happened happening ' +
    'receive received receiving never likes loves enjoys ridiculous unacceptable annoying annoyed frustrated frustrating angry upset ' +
    'disappointed disappointing seriously wtf ugh sigh urgent urgently inside outside onto into within without across along ' +
    'right enough item items product products live lives living stuff here there next big huge massive tiny totally completely entirely ' +
    'somewhere anywhere someplace option options alternatives supposed bucks dollars dollar quid figure ' +
    'instructions instruction guidelines rules details explain explained handled handle handling process processed procedure steps ' +
    'stop stops couple throw throwing'
  ).split(' '),
);

/**
 * Subjects shoppers ask a shop's assistant about that are not shop matters (the weather, jobs,
 * parking, the news, homework), services a shop may not offer (rentals, resale) and purchases made
 * elsewhere. When no
 * document of the store uses the word, a question about it is
 * out of scope however well the rest matches: "what's the weather in Denver this weekend" shares the
 * store's city and its weekend hours, but not what was asked. A merchant whose help centre does cover
 * one (a careers page, a parking note) uses the word, and the rule no longer applies to it.
 */
export const OFF_TOPIC = new Set(
  (
    'weather forecast temperature hiring hire job jobs career careers employment vacancy vacancies internship internships salary ' +
    'parking wifi homework math maths joke jokes poem poems news election elections politics political recipe recipes ' +
    'restaurant restaurants flight flights hotel hotels movie movies lottery horoscope phone phones iphone android computer laptop tv television ' +
    'rent rents rental rentals renting lease leasing consign consignment resell resale secondhand pawn elsewhere ' +
    'creative trivia dog dogs puppy cat cats kitten pet pets vet veterinarian ' +
    // money that is not a purchase here: investing, loans, banking products
    'invest investing investment investments investor investors portfolio stockbroker broker brokerage forex ' +
    'dividend dividends mortgage mortgages loan loans retirement pension pensions 401k accountant accounting ' +
    // health: a store assistant gives no medical advice
    'doctor doctors physician medical medicine medicines medication medications meds prescription prescribe ' +
    'diagnose diagnosis symptom symptoms ibuprofen paracetamol painkiller painkillers aspirin advil tylenol dosage ' +
    'injury injuries injured sprain sprained swollen swelling fracture fractured infection infected dentist ' +
    'therapist physio physiotherapist physiotherapy surgery fasciitis tendonitis tendinitis disease illness vaccine'
  ).split(' '),
);

/**
 * After-sales actions a shopper asks the store to take (return, exchange, refund, cancel, change,
 * repair, track, wash): between close articles the action decides over the attributes that come with
 * it ("swap my trail runners for half a size bigger" asks for an exchange, the size is its detail).
 * Compared with the store's canonical forms of these words.
 */
export const ACTIONS: readonly string[] = (
  'return returns returned returning exchange exchanges exchanged refund refunds refunded cancel cancelled ' +
  'cancelling cancellation change changing changed repair repairs repaired wash washing washed clean ' +
  'cleaning cleaned track tracking tracked'
).split(' ');

/**
 * Words naming whose or which purchase a question is about (a gift, an international order, a
 * student): when the best article never mentions one the question names, a close article whose title
 * names it, of a topic saying what the question asks for, answers ("got a gift in the wrong size, how
 * do I swap it": Returning a gift, not Missing or wrong items).
 */
export const QUALIFIERS: readonly string[] = ['gift', 'gifts', 'international', 'student', 'students'];

/**
 * Families of product kinds, by the kind's noun: boots and shoes are both footwear, so an article about
 * cleaning hiking boots is the closest to "how do I clean my running shoes" when no article names them.
 */
export const PRODUCT_FAMILIES: ReadonlyMap<string, string> = new Map(
  (
    [
      [
        'footwear',
        'shoe shoes boot boots sneaker sneakers trainer trainers sandal sandals slipper slippers clog clogs footwear',
      ],
      [
        'clothing',
        'jacket jackets coat coats shirt shirts layer layers fleece fleeces hoodie hoodies sweater sweaters pant pants trouser trousers short shorts legging leggings vest vests hat hats beanie beanies glove gloves sock socks apparel clothing',
      ],
      [
        'gear',
        'backpack backpacks pack packs tent tents pole poles bag bags bottle bottles headlamp headlamps accessory accessories gear',
      ],
    ] as const
  ).flatMap(([family, nouns]) => nouns.split(' ').map((n): [string, string] => [n, family])),
);

/**
 * Service verbs: an everyday word the store never uses right after one is what the question is about
 * ("wash my car", "change a tire"), while after a noun it is a detail ("care instructions").
 */
export const SERVICE_VERBS: ReadonlySet<string> = new Set(
  'wash clean dry change fix repair mend replace return send ship deliver track cancel exchange swap pay measure iron treat'.split(
    ' ',
  ),
);

/**
 * Phrases that say how a question is asked or where from, never what about ("on my phone", "is
 * something wrong"): their words count as filler, so "phone" is not an off-topic subject there.
 */
export const FILLER_PHRASES: ReadonlySet<string> = new Set([
  'on my phone',
  'from my phone',
  'with my phone',
  'on my mobile',
  'on the app',
  'in the app',
  'something wrong',
  'anything wrong',
  'something is wrong',
  'whats wrong',
  'what is wrong',
  'went wrong',
  'gone wrong',
  'figure out',
  'work out',
]);

/**
 * Idioms whose own words are not what they mean: "run small" is about size, not running; "spread the
 * cost" asks for instalments, not for a price; "want the next size" asks for an exchange, not the guide. Only the lexicon's reading of them counts.
 */
export const READING_ONLY: ReadonlySet<string> = new Set([
  'next size',
  'the next size',
  'a bigger pair',
  'a smaller pair',
  'a larger pair',
  'a different size',
  'another size',
  'stocking stuffer',
  'stocking stuffers',
  'stocking filler',
  'stocking fillers',
  'run small',
  'runs small',
  'run big',
  'runs big',
  'run large',
  'runs large',
  'spread the cost',
  'spread the payments',
  'split the cost',
]);
