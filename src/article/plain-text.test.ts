import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { cleanPlainText, logicalLines, splitTitleSuffix } from './plain-text.js';
import { parseCueFile, matchCues } from './cues.js';
import { hasShared, sharedPath } from '../testing/shared.js';

const squash = (s: string) => s.replace(/\s+/g, ' ');

/** Every removed line is recorded, and the kept text plus the removed lines account for the input. */
function expectAccounted(input: string, text: string, removed: { text: string }[]) {
  for (const line of input.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const inText = squash(text).includes(squash(line));
    const inRemoved = removed.some((r) => squash(line).includes(squash(r.text)));
    expect(inText || inRemoved, `line neither kept nor recorded: ${line}`).toBe(true);
  }
}

describe('cleanPlainText: English chrome of our own', () => {
  const page = [
    'Skip to main content',
    'Menu',
    'World',
    'Rebels seize border town after week of clashes | World News',
    'By Maria Lopez and Tom Hart | March 3, 2024',
    '4 min read',
    'Insurgents from the Northern Front captured the border town of Karesh on Saturday after a week of heavy fighting with government troops, local officials said.',
    'Advertisement',
    'The group, which broke away from the ruling party in 2019, now controls most of the province, according to a spokesman for the regional council.',
    'What happens next',
    'Diplomats in the capital said talks could resume within weeks. The army has not commented on the loss of the town.',
    'Sign up for our daily briefing, delivered to your inbox every morning.',
    'Share this story',
    'Facebook',
    'WhatsApp',
    'Copy link',
    'More from World',
    'Floods displace thousands in the delta',
    'Election results delayed again',
    '12 comments',
    'Terms of Use | Privacy Policy | Cookie settings',
    '© 2024 Daily Planet Media',
  ].join('\n');
  const art = cleanPlainText(page);

  it('keeps the headline first, sets the title without the section suffix, and keeps the subheading', () => {
    expect(art.text.split('\n')[0]).toBe('Rebels seize border town after week of clashes');
    expect(art.title).toBe('Rebels seize border town after week of clashes');
    expect(art.text).toContain('\nWhat happens next\n');
  });

  it('keeps every paragraph and removes every chrome line, each with a reason', () => {
    const kept = art.text.split('\n').filter(Boolean);
    expect(kept).toHaveLength(5);
    expect(art.text).toContain('The army has not commented on the loss of the town.');
    for (const chrome of ['Skip to main content', 'Menu', 'By Maria Lopez', '4 min read', 'Advertisement', 'Sign up for our daily briefing', 'Share this story', 'WhatsApp', 'Copy link', 'More from World', 'Floods displace', 'Election results delayed', '12 comments', 'Privacy Policy', '© 2024']) {
      expect(art.text).not.toContain(chrome);
      expect(art.removed.some((r) => r.text.includes(chrome)), chrome).toBe(true);
    }
    expect(art.removed.find((r) => r.text.startsWith('By Maria'))?.reason).toBe('byline');
    expect(art.removed.find((r) => r.text === 'Floods displace thousands in the delta')?.reason).toBe('related');
    expectAccounted(page, art.text, art.removed);
  });

  it('reads the publication date from the byline line, and the language from the body', () => {
    expect(art.published).toBe('2024-03-03');
    expect(art.language).toBe('en');
  });

  it('keeps one paragraph per line', () => {
    for (const line of art.text.split('\n').filter(Boolean)) expect(page.split('\n').some((l) => l.startsWith(line))).toBe(true);
  });
});

describe('cleanPlainText: Spanish, French and Portuguese chrome', () => {
  it('Spanish', () => {
    const page = [
      'El Gobierno y la guerrilla firman un alto el fuego en La Habana',
      'Por Ana María Ruiz',
      'Publicado el 14 de julio de 2023',
      'El Gobierno y el grupo armado firmaron este viernes en La Habana un acuerdo de alto el fuego bilateral que entrará en vigor el próximo mes, según el comunicado conjunto.',
      'Suscríbete para seguir leyendo',
      'Las negociaciones, mediadas por Cuba y Noruega, comenzaron hace dos años tras la ruptura del anterior proceso de paz.',
      'Noticias relacionadas',
      'La inflación baja por tercer mes consecutivo',
      'Deja un comentario',
      'Tu dirección de correo electrónico no será publicada.',
      'Volver arriba',
    ].join('\n');
    const art = cleanPlainText(page);
    expect(art.text.split('\n').filter(Boolean)).toEqual([page.split('\n')[0], page.split('\n')[3], page.split('\n')[5]]);
    expect(art.published).toBe('2023-07-14');
    expect(art.language).toBe('es');
    expect(art.removed.map((r) => r.reason)).toEqual(['byline', 'dateline', 'subscription', 'related', 'related', 'comments', 'comments', 'navigation']);
  });

  it('French', () => {
    const page = [
      'Accueil',
      'Le chef rebelle annonce sa démission après dix ans de conflit',
      'Par Jean Dupont',
      'Le chef du mouvement rebelle a annoncé lundi sa démission, une semaine après la signature d\u2019un accord de paix avec le gouvernement de transition.',
      'Cet article est réservé aux abonnés. Déjà abonné ? Se connecter',
      'Son successeur, désigné par le conseil du mouvement, devra superviser le désarmement des combattants dans le nord du pays.',
      'Partager sur Facebook',
      'Suivez-nous sur Twitter',
      'À lire aussi',
      'Les députés adoptent le budget',
      'Laisser un commentaire',
      'Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *',
      'Nous utilisons des cookies pour améliorer votre expérience.',
    ].join('\n');
    const art = cleanPlainText(page);
    expect(art.text.split('\n').filter(Boolean)).toEqual([page.split('\n')[1], page.split('\n')[3], page.split('\n')[5]]);
    expect(art.language).toBe('fr');
    expect(art.removed).toHaveLength(10);
  });

  it('Portuguese', () => {
    const page = [
      'Governo e sindicatos chegam a acordo sobre reforma da previdência',
      'Por Carlos Souza',
      '5 min de leitura',
      'O governo e as principais centrais sindicais chegaram a um acordo nesta terça-feira sobre a reforma da previdência, após três semanas de negociações em Brasília.',
      'Leia também: Congresso aprova novo orçamento',
      'O texto será enviado ao Congresso na próxima semana, segundo o ministro do Trabalho, que participou das reuniões com os dirigentes sindicais.',
      'Compartilhe esta notícia',
      'Assine já e tenha acesso ilimitado',
      'Deixe um comentário',
      'Todos os direitos reservados',
    ].join('\n');
    const art = cleanPlainText(page);
    expect(art.text.split('\n').filter(Boolean)).toEqual([page.split('\n')[0], page.split('\n')[3], page.split('\n')[5]]);
    expect(art.language).toBe('pt');
    expect(new Set(art.removed.map((r) => r.reason))).toEqual(new Set(['byline', 'related', 'share', 'subscription', 'comments', 'legal']));
  });
});

describe('cleanPlainText: running text is not chrome', () => {
  it('keeps short sentences and body lines that mention social media or subscriptions', () => {
    const page = [
      'Militia leader killed in drone strike',
      'The leader of the militia was killed on Tuesday in a drone strike near the border, the defence ministry said in a statement posted on Twitter.',
      'He was 54.',
      'His followers subscribe to a strict reading of the movement\u2019s founding charter, which calls for the creation of an autonomous region in the east.',
      'The group said it would share more details about his successor after the funeral, which is expected to draw thousands of supporters.',
    ].join('\n');
    const art = cleanPlainText(page);
    expect(art.removed).toEqual([]);
    expect(art.text.split('\n').filter(Boolean)).toEqual(page.split('\n'));
  });

  it('keeps short news sentences that use the words of calls to action', () => {
    const sentences = [
      'Inspectors were given unlimited access to the sites.',
      'Many voters share this view.',
      "The company's share on Tuesday fell 5 percent.",
      'The company changed its privacy policy on Monday.',
      "Hackers used the password to log in to the ministry's servers.",
      'Volunteers sign up for the army in their thousands.',
      '"We will follow our principles," he said.',
      'Supporters were urged to make a donation to the party.',
      'They follow all the rules of the ceasefire.',
    ];
    const page = ['Ceasefire talks resume', 'The talks between the two sides resumed in the capital on Wednesday after a pause of three weeks, officials from both delegations said.', ...sentences, 'A new round is planned for next month, according to the mediators, who did not give a date for the meeting or say where it would be held.'].join('\n');
    const art = cleanPlainText(page);
    expect(art.removed).toEqual([]);
  });

  it('removes contact and follow-us lines at the end of a story, keeps quotes that mention social media', () => {
    const body = 'The minister said on Monday that the new rules would take effect in March, after a consultation with the unions and employers that lasted six months.';
    const page = [
      'New labour rules from March',
      body,
      '"We will follow the evidence on Twitter and everywhere else," the minister told a news conference in the capital on Monday afternoon.',
      'Have a tip? Our reporter may be reached at desk@news.example. Follow her on Twitter @newsdesk or on Facebook for updates on this story and other stories from the region.',
    ].join('\n');
    const art = cleanPlainText(page);
    expect(art.text).toContain('We will follow the evidence');
    expect(art.text).not.toContain('Have a tip');
  });

  it('cleans 400,000 lines without running out of stack, and one-sentence lines of equal length are not taken for wrapped text', () => {
    const text = Array.from({ length: 400_000 }, (_, i) => (i % 3 ? 'Share this article on Facebook now' : 'The minister said on Monday that the rules would change.')).join('\n');
    const art = cleanPlainText(text);
    expect(art.removed.length).toBe(266_666);
    expect(art.text).not.toContain('Share this');
  });

  it('rejoins hard-wrapped paragraphs into one line each', () => {
    const para = 'The ceasefire agreed on Monday between the two factions held for a third day on Wednesday, although both sides accused each other of violations near the airport and in the old city, where snipers remain active according to residents who spoke to reporters by telephone from the area.';
    const wrap = (s: string) => s.replace(/(.{1,68})(\s|$)/g, '$1\n').trim();
    const page = `Ceasefire holds in the capital\n\n${wrap(para)}\n\n${wrap(para.replace('third', 'fourth'))}\n\n${wrap(para.replace('third', 'fifth'))}\n`;
    const lines = logicalLines(page);
    expect(lines).toEqual(['Ceasefire holds in the capital', para, para.replace('third', 'fourth'), para.replace('third', 'fifth')]);
  });

  it('splits a pipe-separated section name off the title only when it is short', () => {
    expect(splitTitleSuffix('Talks collapse in Vienna | Europe')).toEqual({ title: 'Talks collapse in Vienna', suffix: '| Europe' });
    expect(splitTitleSuffix('Talks collapse | The long road to an agreement on the nuclear programme').suffix).toBeNull();
  });
});

describe('cue files', () => {
  it('reads phrases, whole-line phrases, wildcards and regular expressions', () => {
    const set = parseCueFile('[share]\nfollow us on *\n= print\n> more like this\n/^\\d+ shares$/i\n', 'test');
    expect(matchCues('Follow us on Mastodon', set)[0]).toMatchObject({ reason: 'share', kind: 'contains' });
    expect(matchCues('Follow us on', set)).toEqual([]);
    expect(matchCues('Print', set)[0]).toMatchObject({ kind: 'line' });
    expect(matchCues('Print the page and sign it', set)).toEqual([]);
    expect(matchCues('More like this', set)[0]).toMatchObject({ opensSection: true });
    expect(matchCues('12 Shares', set)[0]).toMatchObject({ kind: 'line' });
  });

  it('names the file and line of a bad entry', () => {
    expect(() => parseCueFile('phrase before a reason', 'x.txt')).toThrow(/x\.txt:1/);
    expect(() => parseCueFile('[a]\n/(unclosed/', 'x.txt')).toThrow(/x\.txt:2/);
  });
});

describe('the example article', () => {
  it.skipIf(!hasShared)('removes every mustRemove line and keeps every mustKeep line', () => {
    const gold = JSON.parse(readFileSync(sharedPath('gold', 'taliban-al-qaeda-alliance.gold.json'), 'utf8')) as { mustRemove: string[]; mustKeep: string[] };
    const input = readFileSync(sharedPath('examples', 'taliban-al-qaeda-alliance.txt'), 'utf8');
    const art = cleanPlainText(input);
    for (const s of gold.mustRemove) expect(squash(art.text)).not.toContain(squash(s));
    for (const s of gold.mustKeep) expect(squash(art.text)).toContain(squash(s));
    expect(art.title).toMatch(/^The alliance between the Taliban and Al Qaeda/);
    expectAccounted(input, art.text, art.removed);
  });
});

describe('running text of real articles', () => {
  it.skipIf(!hasShared)('removes almost nothing from 181 article bodies that hold no chrome (the benchmark ground truth)', () => {
    const truth = JSON.parse(readFileSync(sharedPath('data', 'article-extraction-benchmark', 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
    let chars = 0;
    let removed = 0;
    for (const { articleBody } of Object.values(truth)) {
      chars += articleBody.length;
      for (const r of cleanPlainText(articleBody).removed) if (r.reason !== 'separator') removed += r.text.length;
    }
    // Measured 0.19% (poll results, copyright lines and price lists the annotators kept).
    expect(removed / chars).toBeLessThan(0.005);
  });
});
