<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
    <context>
        <name>actions</name>
        <message>
            <location filename="annotator/gui/actions.py" line="57" />
            <source>&amp;Save</source>
            <translation>&amp;حفظ</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="57" />
            <source>Save</source>
            <translation>حفظ</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="57" />
            <source>Validate and write the annotations</source>
            <translation>تحقّق من التوسيمات واكتبها</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="59" />
            <source>&amp;Mark done and open next</source>
            <translation>&amp;إنهاء وفتح التالي</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="59" />
            <source>✓ Done</source>
            <translation>✓ تم</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="59" />
            <source>Strict check: jumps to the first problem, or saves and opens the next</source>
            <translation>تحقّق صارم: ينتقل إلى أول مشكلة، أو يحفظ ويفتح التالي</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="62" />
            <source>S&amp;kip document and open next</source>
            <translation>&amp;تخطّي المستند وفتح التالي</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="62" />
            <source>Mark it skipped (not relevant, duplicate, unreadable), save, open the next</source>
            <translation>يُعلَّم متخطّى (غير ذي صلة، مكرّر، غير مقروء)، ويُحفظ، ويُفتح التالي</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="65" />
            <source>&amp;Export dataset…</source>
            <translation>&amp;تصدير مجموعة البيانات…</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="65" />
            <source>Export the project in a dataset format, with its card and checksums</source>
            <translation>تصدير المشروع بصيغة مجموعة بيانات، مع بطاقتها ومجاميع التحقق</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="67" />
            <source>&amp;Import annotations…</source>
            <translation>&amp;استيراد توسيمات…</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="67" />
            <source>Bring in brat, doccano, Label Studio, CoNLL or JSONL annotations</source>
            <translation>استيراد توسيمات brat أو doccano أو Label Studio أو CoNLL أو JSONL</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="69" />
            <source>A&amp;greement between coders…</source>
            <translation>&amp;الاتفاق بين المرمّزين…</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="69" />
            <source>Span, event and field agreement of every pair of coders</source>
            <translation>الاتفاق على المقاطع والأحداث والحقول لكل زوج من المرمّزين</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="72" />
            <source>&amp;Quit</source>
            <translation>&amp;خروج</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="74" />
            <source>&amp;Undo</source>
            <translation>&amp;تراجع</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="74" />
            <source>Undo</source>
            <translation>تراجع</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="76" />
            <source>&amp;Redo</source>
            <translation>&amp;إعادة</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="76" />
            <source>Redo</source>
            <translation>إعادة</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="78" />
            <source>&amp;Filter spans</source>
            <translation>&amp;تصفية المقاطع</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="80" />
            <source>Go to first &amp;problem</source>
            <translation>الانتقال إلى أول &amp;مشكلة</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="80" />
            <source>Select the first thing that is missing or wrong</source>
            <translation>تحديد أول ما هو ناقص أو خاطئ</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="83" />
            <source>&amp;Label as…</source>
            <translation>&amp;وسم بـ…</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="83" />
            <source>Pick a label from a list</source>
            <translation>اختيار وسم من قائمة</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="85" />
            <source>Leave out leading &amp;proclitic (و ف ب ل ك)</source>
            <translation>استبعاد &amp;السابقة في أول الكلمة (و ف ب ل ك)</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="85" />
            <source>Proclitic  X</source>
            <translation>السابقة  X</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="88" />
            <source>&amp;Fit span to the selection</source>
            <translation>&amp;ملاءمة المقطع للتحديد</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="88" />
            <source>Move the boundaries of the span under the selection (or the one last clicked) to the selection; its roles stay</source>
            <translation>نقل حدود المقطع الواقع تحت التحديد (أو آخر مقطع نُقر) إلى التحديد؛ تبقى أدواره كما هي</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="92" />
            <source>&amp;Delete span</source>
            <translation>&amp;حذف المقطع</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="94" />
            <source>Snap selections to &amp;whole words</source>
            <translation>توسيع التحديد إلى &amp;كلمات كاملة</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="97" />
            <source>&amp;New event from trigger</source>
            <translation>&amp;حدث جديد من المُطلِق</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="97" />
            <source>New event  E</source>
            <translation>حدث جديد  E</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="97" />
            <source>The selected TRIGGER span (or the selection, labelled TRIGGER) becomes the trigger of a new event</source>
            <translation>يصبح المقطع المحدّد من نوع المُطلِق (أو التحديد موسومًا مُطلِقًا) مُطلِقَ حدث جديد</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="101" />
            <source>Fill &amp;role…</source>
            <translation>ملء &amp;دور…</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="101" />
            <source>Pick a role of the current event from a list</source>
            <translation>اختيار دور للحدث الحالي من قائمة</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="103" />
            <source>Pre&amp;vious event</source>
            <translation>الحدث ال&amp;سابق</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="105" />
            <source>Ne&amp;xt event</source>
            <translation>الحدث ال&amp;تالي</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="107" />
            <source>Delete current e&amp;vent</source>
            <translation>حذف الحدث ال&amp;حالي</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="110" />
            <source>&amp;Adjudicate this document</source>
            <translation>&amp;تحكيم هذا المستند</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="110" />
            <source>The gold set beside every coder's work: decide each disagreement (again: back to coding)</source>
            <translation>المجموعة المرجعية بجانب عمل كل مرمّز: احسم كل خلاف (مرة أخرى: العودة إلى الترميز)</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="114" />
            <source>Accept coder &amp;A</source>
            <translation>قبول المرمّز &amp;A</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="114" />
            <source>A</source>
            <translation>A</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="117" />
            <source>Accept coder &amp;B</source>
            <translation>قبول المرمّز &amp;B</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="117" />
            <source>B</source>
            <translation>B</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="120" />
            <source>Accept coder &amp;C</source>
            <translation>قبول المرمّز &amp;C</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="120" />
            <source>C</source>
            <translation>C</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="123" />
            <source>Accept &amp;all versions (both)</source>
            <translation>قبول &amp;كل الصيغ (كلتيهما)</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="123" />
            <source>All</source>
            <translation>الكل</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="125" />
            <source>&amp;Reject every version</source>
            <translation>&amp;رفض كل الصيغ</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="125" />
            <source>Reject</source>
            <translation>رفض</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="127" />
            <source>&amp;Edit: start from coder A’s version</source>
            <translation>&amp;تحرير: البدء من صيغة المرمّز A</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="127" />
            <source>Edit</source>
            <translation>تحرير</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="130" />
            <source>&amp;Next open disagreement</source>
            <translation>الخلاف المفتوح ال&amp;تالي</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="132" />
            <source>&amp;Previous open disagreement</source>
            <translation>الخلاف المفتوح ال&amp;سابق</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="136" />
            <source>&amp;Previous document</source>
            <translation>المستند ال&amp;سابق</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="136" />
            <source>‹ Previous</source>
            <translation>‹ السابق</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="138" />
            <source>&amp;Next document</source>
            <translation>المستند ال&amp;تالي</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="138" />
            <source>Next ›</source>
            <translation>التالي ›</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="140" />
            <source>Focus the &amp;text</source>
            <translation>التركيز على ال&amp;نص</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="140" />
            <source>Back to the text from a field (Esc)</source>
            <translation>العودة إلى النص من حقل (Esc)</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="142" />
            <source>Focus the &amp;span table</source>
            <translation>التركيز على جدول ال&amp;مقاطع</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="144" />
            <source>Focus the &amp;event panel</source>
            <translation>التركيز على لوحة ال&amp;أحداث</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="146" />
            <source>Focus the &amp;document list</source>
            <translation>التركيز على قائمة ال&amp;مستندات</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="149" />
            <source>Zoom &amp;in</source>
            <translation>&amp;تكبير</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="150" />
            <source>Zoom &amp;out</source>
            <translation>ت&amp;صغير</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="151" />
            <source>&amp;Reset zoom</source>
            <translation>&amp;إعادة التكبير</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="152" />
            <source>The system's language</source>
            <translation type="vanished">لغة النظام</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="152" />
            <source>Language</source>
            <translation>اللغة</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="154" />
            <source>English</source>
            <translation>English (الإنجليزية)</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="156" />
            <source>العربية (Arabic)</source>
            <translation>العربية</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="159" />
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;اختصارات لوحة المفاتيح</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="169" />
            <source>Label selection as</source>
            <translation>وسم التحديد بـ</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="175" />
            <source>Fill role with selection</source>
            <translation>ملء دور بالتحديد</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="152" />
            <source>The system’s language</source>
            <translation>لغة النظام</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="79" />
            <source>&amp;Find in the document…</source>
            <translation>&amp;بحث في المستند…</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="79" />
            <source>Arabic-normalised: harakat, hamza on alef, ى/ي, ة/ه and proclitics do not matter («احد» finds «أحد», «الأحد»)</source>
            <translation>بحث موحّد للعربية: لا تهم الحركات ولا همزة الألف ولا ى/ي ولا ة/ه ولا السوابق («احد» تجد «أحد» و«الأحد»)</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="83" />
            <source>Find &amp;next</source>
            <translation>البحث عن ال&amp;تالي</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="83" />
            <source>Also Enter in the find bar</source>
            <translation>وكذلك Enter في شريط البحث</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="85" />
            <source>Find pre&amp;vious</source>
            <translation>البحث عن ال&amp;سابق</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="85" />
            <source>Also Shift+Enter in the find bar</source>
            <translation>وكذلك Shift+Enter في شريط البحث</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="88" />
            <source>Ctrl+F while the span table has the focus (Ctrl+2); Arabic-normalised</source>
            <translation>Ctrl+F حين يكون التركيز على جدول المقاطع (Ctrl+2)؛ بحث موحّد للعربية</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="91" />
            <source>&amp;Search the project…</source>
            <translation>&amp;البحث في المشروع…</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="91" />
            <source>Every document: keyword in context, optionally only inside spans of a label; a row opens the document at the match</source>
            <translation>كل المستندات: الكلمة في سياقها، ويمكن قصر البحث على مقاطع وسم معيّن؛ كل صف يفتح المستند عند موضع التطابق</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="173" />
            <source>&amp;Automatic (by the first letter)</source>
            <translation>&amp;تلقائي (بحسب أول حرف)</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="173" />
            <source>Text direction</source>
            <translation>اتجاه النص</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="173" />
            <source>Lay the text out as its first strong letter reads (kept per document)</source>
            <translation>عرض النص باتجاه أول حرف قوي فيه (يُحفظ لكل مستند)</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="177" />
            <source>&amp;Right-to-left</source>
            <translation>&amp;من اليمين إلى اليسار</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="177" />
            <source>Lay this document out right-to-left, even if it starts in Latin letters</source>
            <translation>عرض هذا المستند من اليمين إلى اليسار، حتى لو بدأ بحروف لاتينية</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="180" />
            <source>&amp;Left-to-right</source>
            <translation>من اليسار إلى الي&amp;مين</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="180" />
            <source>Lay this document out left-to-right</source>
            <translation>عرض هذا المستند من اليسار إلى اليمين</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="183" />
            <source>Switch text &amp;direction</source>
            <translation>تبديل &amp;اتجاه النص</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="183" />
            <source>Automatic, right-to-left, left-to-right in turn (kept per document)</source>
            <translation>تلقائي، ثم من اليمين إلى اليسار، ثم من اليسار إلى اليمين بالتناوب (يُحفظ لكل مستند)</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="186" />
            <source>Show in&amp;visible characters</source>
            <translation>إظهار المحارف ال&amp;خفية</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="186" />
            <source>Mark RLM, LRM, ZWNJ, ZWJ, no-break spaces and tatweel, to see why a selection snapped as it did; the text is not changed</source>
            <translation>تعليم RLM وLRM وZWNJ وZWJ والمسافات غير الفاصلة والتطويل، لمعرفة سبب تعديل التحديد؛ النص لا يتغيّر</translation>
        </message>
    </context>
    <context>
        <name>menu</name>
        <message>
            <location filename="annotator/gui/actions.py" line="0" />
            <source>&amp;File</source>
            <translation>&amp;ملف</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="0" />
            <source>&amp;Edit</source>
            <translation>&amp;تحرير</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="0" />
            <source>&amp;Span</source>
            <translation>&amp;مقطع</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="0" />
            <source>&amp;Event</source>
            <translation>&amp;حدث</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="0" />
            <source>&amp;Adjudicate</source>
            <translation>&amp;تحكيم</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="0" />
            <source>&amp;Navigate</source>
            <translation>&amp;تنقّل</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="0" />
            <source>&amp;View</source>
            <translation>&amp;عرض</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="0" />
            <source>&amp;Help</source>
            <translation>&amp;مساعدة</translation>
        </message>
    </context>
    <context>
        <name>sheet</name>
        <message>
            <location filename="annotator/gui/actions.py" line="350" />
            <source>or</source>
            <translation>أو</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="342" />
            <source>Keyboard shortcuts</source>
            <translation>اختصارات لوحة المفاتيح</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="343" />
            <source>Letters, digits, Space, X, [ ] and Delete work while the text or the span table has the focus (Ctrl+1 / Ctrl+2), never while you type in a field.</source>
            <translation>تعمل الحروف والأرقام وSpace وX و[ ] وDelete حين يكون التركيز على النص أو جدول المقاطع (Ctrl+1 / Ctrl+2)، ولا تعمل أبدًا أثناء الكتابة في حقل.</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="347" />
            <source>In the adjudication panel (Ctrl+Shift+A) the keys A B C Y R E N P decide and step through the disagreements.</source>
            <translation>في لوحة التحكيم (Ctrl+Shift+A) تحسم المفاتيح A B C Y R E N P الخلافات وتتنقّل بينها.</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="358" />
            <source>menu only</source>
            <translation>من القائمة فقط</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="369" />
            <source>Ctrl+F finds in the text (in the span table: filters it); Ctrl+Shift+F searches every document of the project.</source>
            <translation>Ctrl+F يبحث في النص (وفي جدول المقاطع: يصفّيه)؛ وCtrl+Shift+F يبحث في كل مستندات المشروع.</translation>
        </message>
    </context>
    <context>
        <name>window</name>
        <message>
            <location filename="annotator/gui/main_window.py" line="142" />
            <source>Documents</source>
            <translation>المستندات</translation>
        </message>
        <message>
            <location filename="annotator/gui/main_window.py" line="144" />
            <source>Spans</source>
            <translation>المقاطع</translation>
        </message>
        <message>
            <location filename="annotator/gui/main_window.py" line="146" />
            <source>Coding</source>
            <translation>الترميز</translation>
        </message>
        <message>
            <location filename="annotator/gui/main_window.py" line="148" />
            <source>Adjudication</source>
            <translation>التحكيم</translation>
        </message>
    </context>
    <context>
        <name>adjudication</name>
        <message>
            <location filename="annotator/app/adjudication.py" line="133" />
            <source>no disagreement to decide</source>
            <translation>لا يوجد خلاف لحسمه</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="164" />
            <source>Adjudication of {doc}: {open} open of 1 disagreement</source>
            <translation>تحكيم {doc}: الخلافات المفتوحة {open} من أصل 1</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="166" />
            <source>Adjudication of {doc}: {open} open of {total} disagreements</source>
            <translation>تحكيم {doc}: الخلافات المفتوحة {open} من أصل {total}</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="205" />
            <source>open</source>
            <translation>مفتوح</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="285" />
            <source>day</source>
            <translation>يوم</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="285" />
            <source>week</source>
            <translation>أسبوع</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="286" />
            <source>month</source>
            <translation>شهر</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="286" />
            <source>year</source>
            <translation>سنة</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="298" />
            <source>span</source>
            <translation>مقطع</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="79" />
            <source>{doc} cannot be adjudicated: {reasons}</source>
            <translation>لا يمكن تحكيم {doc}: {reasons}</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="191" />
            <source>the same</source>
            <translation>متطابق</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="207" />
            <source>rejected</source>
            <translation>مرفوض</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="280" />
            <source>yes</source>
            <translation>نعم</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="280" />
            <source>no</source>
            <translation>لا</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="310" />
            <source>event field</source>
            <translation>حقل حدث</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="311" />
            <source>document field</source>
            <translation>حقل مستند</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="66" />
            <source>you ({coder}) code {doc} blind and have not finished it: adjudication would show the other coders' work</source>
            <translation>أنت ({coder}) ترمّز {doc} ترميزًا معمًّى ولم تُنهه بعد: التحكيم سيكشف لك عمل المرمّزين الآخرين</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="75" />
            <source>{doc} is not ready to adjudicate: waiting for {coders} to finish it</source>
            <translation>{doc} غير جاهز للتحكيم: في انتظار أن يُنهيه {coders}</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="81" />
            <source>no coder has finished it</source>
            <translation>لم يُنهه أي مرمّز</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="146" />
            <source>there is no coder {letter} here</source>
            <translation>لا يوجد مرمّز {letter} هنا</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="297" />
            <source>span {text}</source>
            <translation>مقطع {text}</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="304" />
            <source>event {type} {text}</source>
            <translation>حدث {type} {text}</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="306" />
            <source>event {type}</source>
            <translation>حدث {type}</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="322" />
            <source>trigger {text}</source>
            <translation>المُطلِق {text}</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="94" />
            <source>{path} names no coder whose set is there to compare</source>
            <translation>لا يذكر {path} أي مرمّز توجد مجموعته للمقارنة</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="209" />
            <source>accepted {coders}</source>
            <translation>مقبول {coders}</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="193" />
            <source>(+{count} the same)</source>
            <translation>(+{count} متطابقة)</translation>
        </message>
    </context>
    <context>
        <name>document</name>
        <message>
            <location filename="annotator/app/document.py" line="158" />
            <source>nothing to restore</source>
            <translation>لا شيء للاستعادة</translation>
        </message>
        <message>
            <location filename="annotator/app/document.py" line="255" />
            <source>Something is missing now: saved as in progress</source>
            <translation>ينقص شيء الآن: حُفظ على أنه قيد العمل</translation>
        </message>
        <message>
            <location filename="annotator/app/document.py" line="286" />
            <source>Read-only: the file cannot be locked</source>
            <translation>للقراءة فقط: تعذّر قفل الملف</translation>
        </message>
        <message>
            <location filename="annotator/app/document.py" line="180" />
            <source>{path}: this window no longer holds the lock ({holder}). Your work stays in the recovery file; reopen the document.</source>
            <translation>{path}: لم تعد هذه النافذة تملك القفل ({holder}). يبقى عملك في ملف الاستعادة؛ أعد فتح المستند.</translation>
        </message>
        <message>
            <location filename="annotator/app/document.py" line="183" />
            <source>the lock file is gone</source>
            <translation>ملف القفل لم يعد موجودًا</translation>
        </message>
        <message>
            <location filename="annotator/app/document.py" line="211" />
            <source>Not saved: {reason}</source>
            <translation>لم يُحفظ: {reason}</translation>
        </message>
        <message>
            <location filename="annotator/app/document.py" line="284" />
            <source>Read-only: {reason}</source>
            <translation>للقراءة فقط: {reason}</translation>
        </message>
        <message>
            <location filename="annotator/app/document.py" line="287" />
            <source>{path}: cannot lock the file for editing ({error})</source>
            <translation>{path}: تعذّر قفل الملف للتحرير ({error})</translation>
        </message>
        <message>
            <location filename="annotator/app/recovery.py" line="47" />
            <source>{spans} spans and {events} events, autosaved {when}</source>
            <translation>المقاطع: {spans}، الأحداث: {events}، حُفظت تلقائيًا في {when}</translation>
        </message>
    </context>
    <context>
        <name>documents</name>
        <message>
            <location filename="annotator/app/worklist.py" line="23" />
            <source>not started</source>
            <translation>لم يبدأ</translation>
        </message>
        <message>
            <location filename="annotator/app/worklist.py" line="24" />
            <source>in progress</source>
            <translation>قيد العمل</translation>
        </message>
        <message>
            <location filename="annotator/app/worklist.py" line="25" />
            <source>done</source>
            <translation>منجز</translation>
        </message>
        <message>
            <location filename="annotator/app/worklist.py" line="26" />
            <source>skipped</source>
            <translation>متخطّى</translation>
        </message>
        <message>
            <location filename="annotator/app/worklist.py" line="27" />
            <source>unreadable</source>
            <translation>غير مقروء</translation>
        </message>
    </context>
    <context>
        <name>list</name>
        <message>
            <location filename="annotator/app/adjudication.py" line="278" />
            <source>, </source>
            <translation>، </translation>
        </message>
    </context>
</TS>
