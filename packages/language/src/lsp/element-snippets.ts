/**
 * Templates for a new element, offered by completion where an element can start (never inside a
 * block) in place of the bare keyword: one item per template, so no keyword shows twice. Indented
 * by 2 like the formatter.
 */
export interface ElementSnippet {
    readonly keyword: string;
    readonly description: string;
    readonly body: string;
}

const CHANNELS = 'web,mobile,email,phone,chat,social,store,event,mail,field,partner,other';

export const ELEMENT_SNIPPETS: readonly ElementSnippet[] = [
    { keyword: 'ecosystem', description: 'Start a model: the ecosystem header', body: 'ecosystem ${1:Name} "${2:Title}"\n$0' },
    { keyword: 'customer', description: 'A customer actor', body: 'customer ${1:Name} "${2:Label}" {\n  seeks ${3:Value}\n  size ${4:1000}\n}' },
    { keyword: 'employee', description: 'An employee actor', body: 'employee ${1:Name} "${2:Label}" {\n  employer ${3:Organization}\n  seeks ${4:Value}\n}' },
    { keyword: 'partner', description: 'A partner actor', body: 'partner ${1:Name} "${2:Label}" {\n  seeks ${3:Value}\n}' },
    { keyword: 'organization', description: 'The focal organization', body: 'organization ${1:Name} "${2:Label}" {\n  seeks ${3:Value}\n}' },
    { keyword: 'thirdparty', description: 'A third party: review site, media, regulator', body: 'thirdparty ${1:Name} "${2:Label}" {\n  seeks ${3:Value}\n}' },
    { keyword: 'value', description: 'A value object', body: 'value ${1:Name} "${2:Label}" ${3|money,product,service,information,intangible|}' },
    { keyword: 'exchange', description: 'A named, reciprocal value exchange', body: 'exchange ${1:Name} "${2:Label}" {\n  ${3:Giver} -> ${4:Receiver} : ${5:Value} via ${6:Touchpoint}\n  ${4:Receiver} -> ${3:Giver} : ${7:Value}\n}' },
    { keyword: 'exchange', description: 'A single value flow', body: 'exchange ${1:Giver} -> ${2:Receiver} : ${3:Value}' },
    { keyword: 'touchpoint', description: 'A touchpoint', body: `touchpoint \${1:Name} "\${2:Label}" {\n  channel \${3|${CHANNELS}|}\n  owner \${4:Actor}\n}` },
    { keyword: 'environment', description: 'An operating-environment factor', body: 'environment ${1:Name} "${2:Label}" {\n  category ${3|economic,technological,regulatory,social,competitive,environmental|}\n  trend ${4|rising,stable,falling|}\n  affects ${5:Target} "${6:how}"\n}' },
    { keyword: 'system', description: 'A system behind the scenes', body: 'system ${1:Name} "${2:Label}" {\n  owner ${3:Organization}\n  supports ${4:Touchpoint}\n}' },
    { keyword: 'process', description: 'A process behind the scenes', body: 'process ${1:Name} "${2:Label}" {\n  owner ${3:Organization}\n  supports ${4:Touchpoint}\n  uses ${5:System}\n}' },
    { keyword: 'policy', description: 'A policy behind the scenes', body: 'policy ${1:Name} "${2:Label}" {\n  owner ${3:Organization}\n  affects ${4:Actor}\n}' },
    { keyword: 'journey', description: 'A customer journey', body: 'journey ${1:Name} "${2:Label}" for ${3:Customer} {\n  step ${4:First} "${5:What happens}" at ${6:Touchpoint} score ${7|1,2,3,4,5|}\n}' },
    { keyword: 'view', description: 'A diagram view', body: 'view ${1:Name} "${2:Label}" {\n  include ${3:*}\n  layout ${4|right,down|}\n}' },
];
