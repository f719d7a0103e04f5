package uk.stepup.privacy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises text that belongs with another route. A care home's check-in is often <em>about</em> safeguarding,
 * complaints, deaths or DoLS (S1, R2, R3, E7 are whole KLOEs on them), so a topic word alone never signposts. The
 * rules look for a particular event or a plea for help instead:
 * <ul>
 *   <li>urgent clinical: someone "is not breathing", "is choking", "can't breathe", "should I call 999?";</li>
 *   <li>safeguarding: someone "was hit by a carer", "is being neglected", "we received an allegation", "we suspect
 *       her son is taking her money", "unexplained bruising on her arm", "a safeguarding concern about a resident";
 *       abuse and allegations also signpost the CQC notification;</li>
 *   <li>CQC notification: "a resident died last night", "she fractured her hip", "his DoLS was granted", "police
 *       were called", "do I need to notify CQC?";</li>
 *   <li>complaint: a live complaint or an intention to make one ("her daughter wants to complain", "an ongoing
 *       complaint from a family"). A resolved complaint described as learning ("we received three complaints and
 *       changed the laundry process") is R2 evidence and passes.</li>
 * </ul>
 * These are heuristics: they will miss some events written in other ways, and will occasionally signpost a general
 * description. The reply says so and invites the manager to rewrite at pattern level.
 */
final class SignpostRules {

    private record Rule(Pattern pattern, Set<Signpost> signposts) {}

    private static final String PERSON_BY = "by\\s+(?:(?:a|an|another|one\\s+of\\s+(?:the|our))\\s+(?:carers?|members?"
            + "|residents?|relatives?|visitors?|nurses?|colleagues?|staff|man|woman|person|family\\s+member)|staff"
            + "|carers?|her|him|them|(?:her|his|their)\\s+(?:son|daughter|husband|wife|partner|relative|visitor))\\b";
    private static final String SOMEONE = "(?:resident|gentleman|lady|man|woman|person|service\\s+user|she|he"
            + "|mrs?\\s+\\w+|ms\\s+\\w+|miss\\s+\\w+|one\\s+of\\s+our\\s+residents)";
    private static final String DOLS_OUTCOME =
            "(?:granted|authori[sz]ed|approved|refused|declined|turned\\s+down" + "|not\\s+granted|rejected)";

    private static final Pattern HYPOTHETICAL =
            Pattern.compile("(?i)\\b(?:if|in\\s+case|whether|in\\s+the\\s+event|what\\s+to\\s+do|how\\s+to)\\b");

    private static final List<Rule> RULES = List.of(
            // urgent clinical
            rule(
                    "\\b(?:is|are|['’]s|keeps?)\\s+(?:still\\s+)?(?:not\\s+breathing|unresponsive|unconscious|choking"
                            + "|fitting|having\\s+(?:a\\s+)?(?:seizure|fit|stroke|heart\\s+attack|chest\\s+pains?)"
                            + "|bleeding\\s+heavily|struggling\\s+to\\s+breathe|vomiting\\s+blood|turning\\s+blue)",
                    Signpost.URGENT_CLINICAL),
            rule("\\b(?:can['’]?t|cannot|can\\s+not)\\s+breathe\\b", Signpost.URGENT_CLINICAL),
            rule(
                    "\\b(?:should|shall|do|must|can)\\s+(?:i|we)\\s+(?:call|ring|phone|dial|get)\\s+(?:an?\\s+|the\\s+)?"
                            + "(?:999|111|ambulance|paramedics?|doctor|gp|out[\\s-]of[\\s-]hours)",
                    Signpost.URGENT_CLINICAL),
            rule(
                    "\\bneeds?\\s+(?:an?\\s+)?(?:urgent|emergency)\\s+(?:help|doctor|gp|ambulance|treatment"
                            + "|medical\\s+(?:help|attention))",
                    Signpost.URGENT_CLINICAL),
            rule(
                    "\\b(?:right\\s+now|at\\s+the\\s+moment|just\\s+now)\\b[^.!?\\n]{0,40}\\b(?:not\\s+breathing"
                            + "|chest\\s+pains?|unresponsive|unconscious|collapsed|choking|seizure|fitting|bleeding|stroke"
                            + "|sepsis|very\\s+unwell|deteriorating)",
                    Signpost.URGENT_CLINICAL),
            rule(
                    "\\b(?:not\\s+breathing|chest\\s+pains?|unresponsive|unconscious|collapsed|choking|seizure|fitting"
                            + "|bleeding|stroke|sepsis|very\\s+unwell|deteriorating)\\b[^.!?\\n]{0,30}\\b(?:right\\s+now"
                            + "|at\\s+the\\s+moment|just\\s+now)\\b",
                    Signpost.URGENT_CLINICAL),

            // safeguarding (abuse and allegations are also notifiable)
            rule(
                    "\\b(?:was|were|has\\s+been|have\\s+been|had\\s+been|is\\s+being|are\\s+being|got)\\s+"
                            + "(?:physically\\s+|sexually\\s+|verbally\\s+|financially\\s+|emotionally\\s+)?(?:abused"
                            + "|assaulted|molested|raped|robbed|stolen\\s+from|neglected|exploited|mistreated|ill-treated"
                            + "|groomed)\\b",
                    Signpost.SAFEGUARDING,
                    Signpost.CQC_NOTIFICATION),
            rule(
                    "\\b(?:hit|slapped|punched|kicked|pushed|shoved|bitten|scratched|grabbed|spat\\s+at|threatened)\\s+"
                            + PERSON_BY,
                    Signpost.SAFEGUARDING,
                    Signpost.CQC_NOTIFICATION),
            rule(
                    "\\b(?:made|received|raised|had|reported|there\\s+(?:was|has\\s+been|is))\\s+(?:an?\\s+|another\\s+"
                            + "|a\\s+new\\s+)(?:allegation|disclosure)\\b",
                    Signpost.SAFEGUARDING,
                    Signpost.CQC_NOTIFICATION),
            rule(
                    "\\b(?:alleges|alleged\\s+that|has\\s+alleged|have\\s+alleged|disclosed\\s+that)\\b",
                    Signpost.SAFEGUARDING,
                    Signpost.CQC_NOTIFICATION),
            rule(
                    "\\b(?:(?:i|we)\\s+(?:think|suspect|believe|fear)|(?:i['’]m|i\\s+am|we['’]re|we\\s+are)\\s+"
                            + "(?:worried|concerned))\\b"
                            + "[^.!?\\n]{0,60}?\\b(?:abuse|abused|abusing|neglect|neglected|neglecting|stealing|hurting"
                            + "|harming|exploit\\w*|taking\\s+(?:her|his|their)\\s+money|being\\s+harmed)\\b",
                    Signpost.SAFEGUARDING),
            rule(
                    "\\bsafeguarding\\s+(?:concern|alert|referral|issue|incident)\\s+(?:about|for|regarding|against"
                            + "|involving|with|re)\\s+(?:a|an|one|our|this|the|her|his|their|mrs?|ms|miss)\\b",
                    Signpost.SAFEGUARDING),
            rule(
                    "\\bunexplained\\s+(?:bruis\\w*|injur\\w*|marks?|burns?|wounds?)\\s+(?:on|to)\\s+(?:her|his|their|a"
                            + "|an|one|the|mrs?|ms|miss)\\b",
                    Signpost.SAFEGUARDING),
            rule(
                    "\\b(?:son|daughter|relative|family\\s+member|nephew|niece|carer|husband|wife|partner)\\s+"
                            + "(?:is|has\\s+been|was|keeps)\\s+(?:taking|stealing|using|withdrawing|spending)\\s+"
                            + "(?:her|his|their)\\s+(?:money|cards?|pension|savings|benefits)",
                    Signpost.SAFEGUARDING),

            // statutory notifications to CQC
            rule(
                    "\\b" + SOMEONE + "\\s+(?:(?:has|had|sadly|unexpectedly|suddenly|then|later)\\s+)*(?:died"
                            + "|passed\\s+away)\\b",
                    Signpost.CQC_NOTIFICATION),
            rule(
                    "\\b(?:died|passed\\s+away)\\s+(?:yesterday|today|last\\s+night|this\\s+morning|this\\s+week"
                            + "|last\\s+week|overnight|on\\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day|in\\s+hospital"
                            + "|unexpectedly|suddenly)\\b",
                    Signpost.CQC_NOTIFICATION),
            rule("\\b(?:unexpected|sudden|unexplained)\\s+death\\b", Signpost.CQC_NOTIFICATION),
            rule(
                    "\\b(?:sustained|suffered|has|had)\\s+(?:a\\s+)?(?:serious\\s+injury|fractured?\\s+(?!risk)\\w+"
                            + "|fracture\\b(?!\\s+(?:risk|clinic|service|prevention|liaison))|broken\\s+(?:hip|arm|leg"
                            + "|wrist|ankle|pelvis|femur|neck|shoulder|collarbone|jaw|nose)|head\\s+injury|head\\s+wound)",
                    Signpost.CQC_NOTIFICATION),
            rule(
                    "\\b(?:fractured|broke)\\s+(?:her|his|their)\\s+(?:hip|arm|leg|wrist|ankle|pelvis|femur|neck"
                            + "|shoulder|collarbone|jaw|nose|ribs?)\\b",
                    Signpost.CQC_NOTIFICATION),
            rule(
                    "\\b(?:her|his|their|the\\s+resident['’]s|a\\s+resident['’]s|mrs?\\s+\\w+['’]s)\\s+dols\\s+"
                            + "(?:application\\s+)?(?:was|has\\s+been|had\\s+been|got|came\\s+back|is\\s+now)\\s+"
                            + DOLS_OUTCOME,
                    Signpost.CQC_NOTIFICATION),
            rule(
                    "\\bdols\\s+(?:application\\s+)?(?:for|on)\\s+(?:a|one|her|his|our|the)\\s+(?:resident|gentleman"
                            + "|lady|man|woman)\\s+(?:was|has\\s+been|had\\s+been|got)\\s+" + DOLS_OUTCOME,
                    Signpost.CQC_NOTIFICATION),
            rule(
                    "\\bpolice\\s+(?:were|was|have\\s+been|had\\s+been|had\\s+to\\s+be|got)\\s+(?:called|involved"
                            + "|contacted|informed)\\b",
                    Signpost.CQC_NOTIFICATION),
            rule(
                    "\\b(?:do|should|must|shall|need)\\s+(?:i|we)\\s+(?:need\\s+)?(?:to\\s+)?(?:notify|tell|inform|report\\s+"
                            + "(?:it\\s+|this\\s+)?to)\\s+(?:the\\s+)?cqc\\b",
                    Signpost.CQC_NOTIFICATION),

            // complaints
            rule(
                    "\\b(?:i|we|they|she|he|family|relatives?|son|daughter|wife|husband|partner|resident|visitor|niece"
                            + "|nephew)\\s+(?:want|wants|wanted|would\\s+like|['’]d\\s+like|is\\s+going|are\\s+going"
                            + "|is\\s+threatening|are\\s+threatening|threatened|intends?|plans?|has\\s+decided"
                            + "|have\\s+decided)\\s+to\\s+(?:make\\s+a\\s+|raise\\s+a\\s+|lodge\\s+a\\s+|file\\s+a\\s+)?"
                            + "complain(?:t)?\\b",
                    Signpost.COMPLAINT),
            rule(
                    "\\b(?:how|where)\\s+(?:do|can|should)\\s+(?:i|we|they)\\s+(?:make\\s+a\\s+|raise\\s+a\\s+)?"
                            + "complain",
                    Signpost.COMPLAINT),
            rule(
                    "\\b(?:open|ongoing|unresolved|live)\\s+complaint\\s+(?:from|about|by|against|with)\\b",
                    Signpost.COMPLAINT),
            rule(
                    "\\b(?:this\\s+is\\s+a|i\\s+(?:want|wish)\\s+to\\s+(?:make|raise|lodge)\\s+a"
                            + "|i['’]d\\s+like\\s+to\\s+(?:make|raise|lodge)\\s+a)\\s+(?:formal\\s+)?complaint\\b",
                    Signpost.COMPLAINT));

    private SignpostRules() {}

    private static Rule rule(String regex, Signpost first, Signpost... rest) {
        return new Rule(Pattern.compile("(?iu)" + regex), Set.copyOf(EnumSet.of(first, rest)));
    }

    /** Every route the text points to; empty when none. */
    static Set<Signpost> scan(String text) {
        EnumSet<Signpost> found = EnumSet.noneOf(Signpost.class);
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(text);
            while (m.find()) {
                if (!hypothetical(text, m.start())) {
                    found.addAll(r.signposts());
                    break;
                }
            }
        }
        return found;
    }

    /**
     * "We practised what to do if someone is choking" describes training, not an emergency: a match is skipped when
     * its own sentence, shortly before it, says "if", "in case", "whether", "in the event" or "what to do".
     */
    private static boolean hypothetical(String text, int start) {
        int from = Math.max(0, start - 60);
        String before = text.substring(from, start);
        int boundary = Math.max(
                Math.max(before.lastIndexOf('.'), before.lastIndexOf('!')),
                Math.max(before.lastIndexOf('?'), before.lastIndexOf('\n')));
        return HYPOTHETICAL.matcher(before.substring(boundary + 1)).find();
    }
}
