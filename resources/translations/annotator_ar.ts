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
            <translation type="vanished">يصبح المقطع المحدّد من نوع المُطلِق (أو التحديد موسومًا مُطلِقًا) مُطلِقَ حدث جديد</translation>
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
        <message>
            <location filename="annotator/gui/actions.py" line="115" />
            <source>The selected trigger span (or the selection, labelled as a trigger) becomes the trigger of a new event</source>
            <translation>يصبح مقطع المُطلِق المحدّد (أو التحديد موسومًا مُطلِقًا) مُطلِقَ حدث جديد</translation>
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
        <message>
            <location filename="annotator/gui/main_window.py" line="573" />
            <source>{project} — annotator</source>
            <translation>{project} — annotator</translation>
        </message>
        <message>
            <location filename="annotator/gui/main_window.py" line="426" />
            <source>No current event: make one with E</source>
            <translation>لا يوجد حدث حالي: أنشئ حدثًا بالمفتاح E</translation>
        </message>
        <message>
            <location filename="annotator/gui/main_window.py" line="449" />
            <source>Selections snap to whole words</source>
            <translation>يتوسّع التحديد إلى كلمات كاملة</translation>
        </message>
        <message>
            <location filename="annotator/gui/main_window.py" line="450" />
            <source>Selections keep their exact characters</source>
            <translation>يحتفظ التحديد بحروفه كما هي</translation>
        </message>
        <message>
            <location filename="annotator/gui/main_window.py" line="488" />
            <source>Nothing missing</source>
            <translation>لا شيء ناقص</translation>
        </message>
        <message>
            <location filename="annotator/gui/main_window.py" line="575" />
            <source>{title} (read-only)[*] — {project} — annotator</source>
            <translation>{title} (للقراءة فقط)[*] — {project} — annotator</translation>
        </message>
        <message>
            <location filename="annotator/gui/main_window.py" line="577" />
            <source>{title}[*] — {project} — annotator</source>
            <translation>{title}[*] — {project} — annotator</translation>
        </message>
        <message>
            <location filename="annotator/gui/main_window.py" line="462" />
            <source>Zoom {zoom} %</source>
            <translation>التكبير: {zoom}%</translation>
        </message>
        <message>
            <location filename="annotator/gui/main_window.py" line="509" />
            <source>To do: {problem}</source>
            <translation>المطلوب: {problem}</translation>
        </message>
        <message>
            <location filename="annotator/gui/main_window.py" line="307" />
            <source>internal error ({error})</source>
            <translation>خطأ داخلي ({error})</translation>
        </message>
        <message>
            <location filename="annotator/gui/main_window.py" line="311" />
            <source>Not done: {reason}</source>
            <translation>لم يُنفَّذ: {reason}</translation>
        </message>
        <message>
            <location filename="annotator/gui/main_window.py" line="324" />
            <source>Undone: {what}</source>
            <translation>تم التراجع عن: {what}</translation>
        </message>
        <message>
            <location filename="annotator/gui/main_window.py" line="331" />
            <source>Redone: {what}</source>
            <translation>أُعيد تنفيذ: {what}</translation>
        </message>
        <message>
            <location filename="annotator/gui/main_window.py" line="386" />
            <source>Selected {span}: {label} {text}</source>
            <translation type="vanished">المقطع المحدَّد {span}: {label} {text}</translation>
        </message>
        <message>
            <location filename="annotator/gui/main_window.py" line="565" />
            <source>&amp;Undo {what}</source>
            <translation>&amp;تراجع عن {what}</translation>
        </message>
        <message>
            <location filename="annotator/gui/main_window.py" line="567" />
            <source>&amp;Redo {what}</source>
            <translation>إعادة &amp;تنفيذ {what}</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="370" />
            <source>Document</source>
            <translation>المستند</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="370" />
            <source>Labels</source>
            <translation>الوسوم</translation>
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
            <translation type="vanished">يوم</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="285" />
            <source>week</source>
            <translation type="vanished">أسبوع</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="286" />
            <source>month</source>
            <translation type="vanished">شهر</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="286" />
            <source>year</source>
            <translation type="vanished">سنة</translation>
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
        <message>
            <location filename="annotator/gui/adjudication_mode.py" line="82" />
            <source>Adjudicating {doc}: 1 open disagreement · A/B accept a coder, Y all, R reject, E edit, N next</source>
            <translation>تحكيم {doc}: خلاف مفتوح واحد · A/B قبول مرمّز، Y الكل، R رفض، E تحرير، N التالي</translation>
        </message>
        <message>
            <location filename="annotator/gui/adjudication_mode.py" line="85" />
            <source>Adjudicating {doc}: {count} open disagreements · A/B accept a coder, Y all, R reject, E edit, N next</source>
            <translation>تحكيم {doc}: الخلافات المفتوحة {count} · A/B قبول مرمّز، Y الكل، R رفض، E تحرير، N التالي</translation>
        </message>
        <message>
            <location filename="annotator/gui/adjudication_mode.py" line="166" />
            <source>Edit the gold set with the coding keys; Ctrl+4 … or click the list to go on deciding</source>
            <translation>حرّر المجموعة المرجعية بمفاتيح الترميز؛ Ctrl+4 … أو انقر القائمة لمتابعة الحسم</translation>
        </message>
        <message>
            <location filename="annotator/gui/adjudication_mode.py" line="189" />
            <source>1 disagreement is still open; it is selected</source>
            <translation>ما زال خلاف واحد مفتوحًا، وقد حُدِّد</translation>
        </message>
        <message>
            <location filename="annotator/gui/adjudication_mode.py" line="191" />
            <source>{count} disagreements are still open; the first is selected</source>
            <translation>الخلافات التي ما زالت مفتوحة: {count}؛ حُدِّد أولها</translation>
        </message>
        <message>
            <location filename="annotator/gui/adjudication_mode.py" line="50" />
            <source>Open a document to adjudicate first</source>
            <translation>افتح مستندًا أولًا لتحكيمه</translation>
        </message>
        <message>
            <location filename="annotator/gui/adjudication_mode.py" line="127" />
            <source>Every disagreement is decided: Ctrl+Enter marks the gold set done</source>
            <translation>حُسمت الخلافات كلها: Ctrl+Enter يعلّم المجموعة المرجعية منجزة</translation>
        </message>
        <message>
            <location filename="annotator/gui/adjudication_mode.py" line="177" />
            <source>No open disagreement left</source>
            <translation>لم يبقَ خلاف مفتوح</translation>
        </message>
        <message>
            <location filename="annotator/gui/adjudication_mode.py" line="71" />
            <source>Cannot adjudicate</source>
            <translation>تعذّر التحكيم</translation>
        </message>
        <message>
            <location filename="annotator/gui/adjudication_mode.py" line="62" />
            <source>Not adjudicated: {reason}</source>
            <translation>لم يُحكَّم: {reason}</translation>
        </message>
        <message>
            <location filename="annotator/gui/adjudication_mode.py" line="121" />
            <source>Not done: {reason}</source>
            <translation>لم يُنفَّذ: {reason}</translation>
        </message>
        <message>
            <location filename="annotator/gui/adjudication_mode.py" line="126" />
            <source>Decided · {count} open</source>
            <translation>حُسم · المفتوح: {count}</translation>
        </message>
        <message>
            <location filename="annotator/gui/adjudication_panel.py" line="155" />
            <source>(nothing here)</source>
            <translation>(لا شيء هنا)</translation>
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
            <translation type="vanished">للقراءة فقط: تعذّر قفل الملف</translation>
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
        <message>
            <location filename="annotator/app/document.py" line="288" />
            <source>Read-only: the file cannot be locked ({reason})</source>
            <translation>للقراءة فقط: تعذّر قفل الملف ({reason})</translation>
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
        <message>
            <location filename="annotator/gui/document_list.py" line="32" />
            <source>All</source>
            <translation>الكل</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_list.py" line="78" />
            <source>Show only the documents with this status</source>
            <translation>عرض المستندات التي لها هذه الحالة فقط</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_list.py" line="81" />
            <source>Mine</source>
            <translation>مستنداتي</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_list.py" line="83" />
            <source>The documents assigned to you, or every document of the project</source>
            <translation>المستندات المسندة إليك، أو كل مستندات المشروع</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_list.py" line="107" />
            <source>Show</source>
            <translation>عرض</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_list.py" line="176" />
            <source>{done} / {total} done · {skipped} skipped</source>
            <translation>المنجز {done} من {total} · المتخطّى {skipped}</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_list.py" line="177" />
            <source>{done} / {total} done</source>
            <translation>المنجز {done} من {total}</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_list.py" line="181" />
            <source>{status}: {count}</source>
            <translation>{status}: {count}</translation>
        </message>
        <message>
            <location filename="annotator/gui/models.py" line="267" />
            <source>Status</source>
            <translation>الحالة</translation>
        </message>
        <message>
            <location filename="annotator/gui/models.py" line="267" />
            <source>Title</source>
            <translation>العنوان</translation>
        </message>
        <message>
            <location filename="annotator/gui/models.py" line="316" />
            <source>{doc} — {status}</source>
            <translation>{doc} — {status}</translation>
        </message>
    </context>
    <context>
        <name>list</name>
        <message>
            <location filename="annotator/app/adjudication.py" line="278" />
            <source>, </source>
            <translation>، </translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="426" />
            <source>; </source>
            <translation>؛ </translation>
        </message>
        <message>
            <location filename="annotator/app/commands.py" line="252" />
            <source> or </source>
            <translation> أو </translation>
        </message>
    </context>
    <context>
        <name>find</name>
        <message>
            <location filename="annotator/gui/find_bar.py" line="73" />
            <source>Find in the document: أحد = احد = الأحد …</source>
            <translation>بحث في المستند: أحد = احد = الأحد …</translation>
        </message>
        <message>
            <location filename="annotator/gui/find_bar.py" line="82" />
            <source>Previous match (Shift+Enter, Shift+F3)</source>
            <translation>التطابق السابق (Shift+Enter، Shift+F3)</translation>
        </message>
        <message>
            <location filename="annotator/gui/find_bar.py" line="83" />
            <source>Next match (Enter, F3)</source>
            <translation>التطابق التالي (Enter، F3)</translation>
        </message>
        <message>
            <location filename="annotator/gui/find_bar.py" line="85" />
            <source>Whole words</source>
            <translation>كلمات كاملة</translation>
        </message>
        <message>
            <location filename="annotator/gui/find_bar.py" line="87" />
            <source>Only where a word starts and ends (off: inside words too)</source>
            <translation>فقط حيث تبدأ الكلمة وتنتهي (عند الإلغاء: داخل الكلمات أيضًا)</translation>
        </message>
        <message>
            <location filename="annotator/gui/find_bar.py" line="89" />
            <source>With proclitics</source>
            <translation>مع السوابق</translation>
        </message>
        <message>
            <location filename="annotator/gui/find_bar.py" line="91" />
            <source>A word may start with و ف ب ل ك and ال before the query</source>
            <translation>قد تبدأ الكلمة بـ و ف ب ل ك و«ال» قبل نص البحث</translation>
        </message>
        <message>
            <location filename="annotator/gui/find_bar.py" line="93" />
            <source>Close (Esc)</source>
            <translation>إغلاق (Esc)</translation>
        </message>
        <message>
            <location filename="annotator/gui/find_bar.py" line="195" />
            <source>No match</source>
            <translation>لا تطابق</translation>
        </message>
        <message>
            <location filename="annotator/gui/find_bar.py" line="198" />
            <source>{current} of {total}</source>
            <translation>{current} من {total}</translation>
        </message>
    </context>
    <context>
        <name>flow</name>
        <message>
            <location filename="annotator/gui/document_flow.py" line="163" />
            <source>Not done: {reason}</source>
            <translation>لم يُنفَّذ: {reason}</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="180" />
            <source>Not skipped: {reason}</source>
            <translation>لم يُتخطَّ: {reason}</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="214" />
            <source>{doc} done; now {next}</source>
            <translation>أُنجز {doc}؛ والآن {next}</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="215" />
            <source>{doc} skipped; now {next}</source>
            <translation>تُخطّي {doc}؛ والآن {next}</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="75" />
            <source>Recovery file</source>
            <translation>ملف الاستعادة</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="172" />
            <source>Not done yet: 1 problem; first: {first}</source>
            <translation>لم يُنجز بعد: فيه مشكلة: {first}</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="173" />
            <source>Not done yet: {count} problems; first: {first}</source>
            <translation>لم يُنجز بعد: المشكلات {count}، أولها: {first}</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="200" />
            <source>{doc}: the {coder} set is done; Ctrl+PgDown adjudicates the next document</source>
            <translation>{doc}: أُنجزت مجموعة {coder}؛ Ctrl+PgDown يحكّم المستند التالي</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="202" />
            <source>{doc}: the {coder} set is skipped; Ctrl+PgDown adjudicates the next document</source>
            <translation>{doc}: تُخطّيت مجموعة {coder}؛ Ctrl+PgDown يحكّم المستند التالي</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="208" />
            <source>{doc} done. Every document of the project is done or skipped.</source>
            <translation>أُنجز {doc}. كل مستندات المشروع منجزة أو متخطّاة.</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="210" />
            <source>{doc} skipped. Every document of the project is done or skipped.</source>
            <translation>تُخطّي {doc}. كل مستندات المشروع منجزة أو متخطّاة.</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="70" />
            <source>Cannot open the document</source>
            <translation>تعذّر فتح المستند</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="100" />
            <source>Annotation file in another coder's folder</source>
            <translation>ملف توسيمات في مجلد مرمّز آخر</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="108" />
            <source>This file has a problem: {first}</source>
            <translation>في هذا الملف مشكلة: {first}</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="109" />
            <source>This file has {count} problems; first: {first}</source>
            <translation>مشكلات هذا الملف: {count}؛ أولها: {first}</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="104" />
            <source>{path} holds another coder's work; saving it makes it {coder}'s</source>
            <translation>{path} يحوي عمل مرمّز آخر؛ حفظه يجعله عمل {coder}</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="155" />
            <source>This is the last document</source>
            <translation>هذا آخر مستند</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="156" />
            <source>This is the first document</source>
            <translation>هذا أول مستند</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="167" />
            <source>Not done yet: {reason}</source>
            <translation>لم يُنجز بعد: {reason}</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="101" />
            <source>{path}: {problem}.

Saving it here makes it your work (coder {coder}); no other coder's file is changed.</source>
            <translation>{path}: {problem}.

حفظه هنا يجعله عملك (المرمّز {coder})، ولا يتغيّر ملف أي مرمّز آخر.</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="85" />
            <source>Restored unsaved work ({summary}); Ctrl+Z undoes the restore</source>
            <translation>استُعيد العمل غير المحفوظ ({summary})؛ Ctrl+Z يتراجع عن الاستعادة</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="87" />
            <source>Could not restore: {reason}</source>
            <translation>تعذّرت الاستعادة: {reason}</translation>
        </message>
    </context>
    <context>
        <name>menus</name>
        <message>
            <location filename="annotator/gui/main_window.py" line="422" />
            <source>Label as</source>
            <translation>وسم بـ</translation>
        </message>
        <message>
            <location filename="annotator/gui/main_window.py" line="430" />
            <source>Fill role</source>
            <translation>ملء دور</translation>
        </message>
        <message>
            <location filename="annotator/gui/menus.py" line="42" />
            <source>Fill role of {event}</source>
            <translation>ملء دور في {event}</translation>
        </message>
    </context>
    <context>
        <name>missing</name>
        <message>
            <location filename="annotator/gui/missing_box.py" line="35" />
            <source>Choose a sub-type</source>
            <translation>اختر نوعًا فرعيًا</translation>
        </message>
        <message>
            <location filename="annotator/gui/missing_box.py" line="37" />
            <source>Mark the trigger: the word that names the event</source>
            <translation>حدّد المُطلِق: الكلمة التي تسمّي الحدث</translation>
        </message>
        <message>
            <location filename="annotator/gui/missing_box.py" line="65" />
            <source>Missing</source>
            <translation>النواقص</translation>
        </message>
        <message>
            <location filename="annotator/gui/missing_box.py" line="50" />
            <source>Document: set {field}</source>
            <translation>المستند: املأ {field}</translation>
        </message>
        <message>
            <location filename="annotator/gui/missing_box.py" line="110" />
            <source>Missing ({count}): needed before the document can be done</source>
            <translation>النواقص ({count}): مطلوبة قبل إنجاز المستند</translation>
        </message>
        <message>
            <location filename="annotator/gui/missing_box.py" line="111" />
            <source>Missing: needed before the document can be done</source>
            <translation>النواقص: مطلوبة قبل إنجاز المستند</translation>
        </message>
        <message>
            <location filename="annotator/gui/missing_box.py" line="113" />
            <source>Missing ({count})</source>
            <translation>النواقص ({count})</translation>
        </message>
        <message>
            <location filename="annotator/gui/missing_box.py" line="115" />
            <source>✓ Nothing missing</source>
            <translation>✓ لا شيء ناقص</translation>
        </message>
        <message>
            <location filename="annotator/gui/missing_box.py" line="40" />
            <source>Fill {role}</source>
            <translation>املأ {role}</translation>
        </message>
        <message>
            <location filename="annotator/gui/missing_box.py" line="44" />
            <source>Set {field}</source>
            <translation>املأ {field}</translation>
        </message>
        <message>
            <location filename="annotator/gui/missing_box.py" line="97" />
            <source>… and {count} more about the document</source>
            <translation>… وأمور أخرى عن المستند: {count}</translation>
        </message>
        <message>
            <location filename="annotator/gui/missing_box.py" line="106" />
            <source>Other events with something missing: {events}</source>
            <translation>أحداث أخرى ينقصها شيء: {events}</translation>
        </message>
    </context>
    <context>
        <name>panel</name>
        <message>
            <location filename="annotator/gui/event_panel.py" line="99" />
            <source>Events</source>
            <translation>الأحداث</translation>
        </message>
        <message>
            <location filename="annotator/gui/event_panel.py" line="124" />
            <source>Document</source>
            <translation>المستند</translation>
        </message>
    </context>
    <context>
        <name>saving</name>
        <message>
            <location filename="annotator/gui/saving.py" line="136" />
            <source>Saved {doc} · {count} still missing</source>
            <translation>حُفظ {doc} · ما زال ناقصًا: {count}</translation>
        </message>
        <message>
            <location filename="annotator/gui/saving.py" line="137" />
            <source>Saved {doc}</source>
            <translation>حُفظ {doc}</translation>
        </message>
        <message>
            <location filename="annotator/gui/saving.py" line="66" />
            <source>Not saved</source>
            <translation>لم يُحفظ</translation>
        </message>
        <message>
            <location filename="annotator/gui/saving.py" line="119" />
            <source>Autosave failed: {error}</source>
            <translation>فشل الحفظ التلقائي: {error}</translation>
        </message>
        <message>
            <location filename="annotator/gui/saving.py" line="63" />
            <source>Not saved: {reason}</source>
            <translation>لم يُحفظ: {reason}</translation>
        </message>
    </context>
    <context>
        <name>search</name>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="118" />
            <source>Document</source>
            <translation>المستند</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="118" />
            <source>Before</source>
            <translation>قبل</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="118" />
            <source>Match</source>
            <translation>التطابق</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="119" />
            <source>After</source>
            <translation>بعد</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="264" />
            <source>A word or phrase: أحد = احد = الأحد …</source>
            <translation>كلمة أو عبارة: أحد = احد = الأحد …</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="267" />
            <source>Search</source>
            <translation>بحث</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="272" />
            <source>(any)</source>
            <translation>(أيّ)</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="275" />
            <source>Only matches inside spans with this label (as last saved)</source>
            <translation>التطابقات داخل مقاطع هذا الوسم فقط (كما حُفظت آخر مرة)</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="282" />
            <source>Only matches inside this coder's spans (as last saved)</source>
            <translation>التطابقات داخل مقاطع هذا المرمّز فقط (كما حُفظت آخر مرة)</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="284" />
            <source>Whole words</source>
            <translation>كلمات كاملة</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="286" />
            <source>With proclitics</source>
            <translation>مع السوابق</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="288" />
            <source>A word may start with و ف ب ل ك and ال before the query</source>
            <translation>قد تبدأ الكلمة بـ و ف ب ل ك و«ال» قبل نص البحث</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="297" />
            <source>Type a word or phrase, then Enter.</source>
            <translation>اكتب كلمة أو عبارة، ثم اضغط Enter.</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="375" />
            <source>Searching…</source>
            <translation>جارٍ البحث…</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="409" />
            <source>1 match in 1 document</source>
            <translation>تطابق واحد في مستند واحد</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="161" />
            <source>{title}
{doc}, characters {start}–{end}</source>
            <translation>{title}
{doc}، المحارف من {start} إلى {end}</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="326" />
            <source>&amp;Find:</source>
            <translation>&amp;بحث:</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="329" />
            <source>&amp;Label:</source>
            <translation>&amp;الوسم:</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="331" />
            <source>&amp;Coder:</source>
            <translation>ال&amp;مرمّز:</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="357" />
            <source>Type a word or phrase: letters, digits or signs.</source>
            <translation>اكتب كلمة أو عبارة: حروفًا أو أرقامًا أو رموزًا.</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="411" />
            <source>{total} matches in 1 document</source>
            <translation>التطابقات: {total} في مستند واحد</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="413" />
            <source>{total} matches in {documents} documents</source>
            <translation>التطابقات: {total}، في المستندات: {documents}</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="253" />
            <source>Search the project — {project}</source>
            <translation>البحث في المشروع — {project}</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="416" />
            <source>the first {count} shown</source>
            <translation>عُرض أول {count}</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="418" />
            <source>{count} document(s) indexed for search first</source>
            <translation>مستندات فُهرست للبحث أولًا: {count}</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="421" />
            <source>{count} could not be read</source>
            <translation>ما تعذّرت قراءته: {count}</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="428" />
            <source>{summary}. Enter or a double click opens a row.</source>
            <translation>{summary}. يفتح مفتاح Enter أو النقر المزدوج الصف المحدد.</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="429" />
            <source>{summary}.</source>
            <translation>{summary}.</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="165" />
            <source>inside {spans}</source>
            <translation>داخل {spans}</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="394" />
            <source>Search failed (internal error: {error}); it was logged.</source>
            <translation>فشل البحث (خطأ داخلي: {error})؛ وقد سُجّل.</translation>
        </message>
    </context>
    <context>
        <name>spans</name>
        <message>
            <location filename="annotator/gui/span_table.py" line="106" />
            <source>Filter by label or text…</source>
            <translation>تصفية بحسب الوسم أو النص…</translation>
        </message>
        <message>
            <location filename="annotator/gui/span_table.py" line="140" />
            <source>Enter: show in text · Delete: remove · a label's key: relabel</source>
            <translation>Enter: الإظهار في النص · Delete: الحذف · مفتاح الوسم: إعادة الوسم</translation>
        </message>
        <message>
            <location filename="annotator/gui/span_table.py" line="217" />
            <source>1 span</source>
            <translation>مقطع واحد</translation>
        </message>
        <message>
            <location filename="annotator/gui/span_table.py" line="217" />
            <source>{total} spans</source>
            <translation>المقاطع: {total}</translation>
        </message>
        <message>
            <location filename="annotator/gui/span_table.py" line="219" />
            <source>{shown} of 1 span shown</source>
            <translation>المعروض {shown} من مقطع واحد</translation>
        </message>
        <message>
            <location filename="annotator/gui/span_table.py" line="220" />
            <source>{shown} of {total} spans shown</source>
            <translation>المقاطع المعروضة: {shown} من {total}</translation>
        </message>
        <message>
            <location filename="annotator/gui/span_table.py" line="177" />
            <source>Enter: show in text · Delete: remove · relabel with a key: {keys}</source>
            <translation>Enter: الإظهار في النص · Delete: الحذف · إعادة الوسم بمفتاح: {keys}</translation>
        </message>
        <message>
            <location filename="annotator/gui/span_model.py" line="64" />
            <source>Label</source>
            <translation>الوسم</translation>
        </message>
        <message>
            <location filename="annotator/gui/span_model.py" line="64" />
            <source>Text</source>
            <translation>النص</translation>
        </message>
        <message>
            <location filename="annotator/gui/span_model.py" line="64" />
            <source>Start</source>
            <translation>البداية</translation>
        </message>
        <message>
            <location filename="annotator/gui/span_model.py" line="65" />
            <source>End</source>
            <translation>النهاية</translation>
        </message>
        <message>
            <location filename="annotator/gui/span_model.py" line="65" />
            <source>Used in</source>
            <translation>مستخدم في</translation>
        </message>
        <message>
            <location filename="annotator/gui/span_model.py" line="164" />
            <source>{label} · key {key}</source>
            <translation>{label} · المفتاح {key}</translation>
        </message>
        <message>
            <location filename="annotator/gui/span_model.py" line="161" />
            <source>unknown label {label}</source>
            <translation>وسم غير معروف {label}</translation>
        </message>
    </context>
    <context>
        <name>start</name>
        <message>
            <location filename="annotator/gui/app.py" line="134" />
            <source>This project has no documents yet: add some with 'annotator import'</source>
            <translation>لا مستندات في هذا المشروع بعد: أضف بعضها بالأمر «annotator import»</translation>
        </message>
        <message>
            <location filename="annotator/gui/app.py" line="138" />
            <source>No such document</source>
            <translation>لا يوجد هذا المستند</translation>
        </message>
        <message>
            <location filename="annotator/gui/app.py" line="139" />
            <source>{project}: no document {doc}</source>
            <translation>{project}: لا يوجد المستند {doc}</translation>
        </message>
    </context>
    <context>
        <name>view</name>
        <message>
            <location filename="annotator/gui/text_options.py" line="71" />
            <source>automatic (by the first letter)</source>
            <translation>تلقائي (بحسب أول حرف)</translation>
        </message>
        <message>
            <location filename="annotator/gui/text_options.py" line="72" />
            <source>right-to-left</source>
            <translation>من اليمين إلى اليسار</translation>
        </message>
        <message>
            <location filename="annotator/gui/text_options.py" line="73" />
            <source>left-to-right</source>
            <translation>من اليسار إلى اليمين</translation>
        </message>
        <message>
            <location filename="annotator/gui/text_options.py" line="74" />
            <source>Text direction: {mode} for this document</source>
            <translation>اتجاه النص لهذا المستند: {mode}</translation>
        </message>
        <message>
            <location filename="annotator/gui/text_options.py" line="75" />
            <source>Text direction: {mode}</source>
            <translation>اتجاه النص: {mode}</translation>
        </message>
        <message>
            <location filename="annotator/gui/text_options.py" line="88" />
            <source>Invisible characters are marked (RLM, ZWNJ, NBSP, tatweel ...)</source>
            <translation>المحارف الخفية معلَّمة (RLM وZWNJ وNBSP والتطويل …)</translation>
        </message>
        <message>
            <location filename="annotator/gui/text_options.py" line="90" />
            <source>Invisible characters are not marked</source>
            <translation>المحارف الخفية غير معلَّمة</translation>
        </message>
    </context>
    <context>
        <name>names</name>
        <message>
            <location filename="annotator/core/names.py" line="45" />
            <source>Trigger</source>
            <translation>المُطلِق</translation>
        </message>
        <message>
            <location filename="annotator/core/names.py" line="121" />
            <source>day</source>
            <translation>يوم</translation>
        </message>
        <message>
            <location filename="annotator/core/names.py" line="121" />
            <source>week</source>
            <translation>أسبوع</translation>
        </message>
        <message>
            <location filename="annotator/core/names.py" line="122" />
            <source>month</source>
            <translation>شهر</translation>
        </message>
        <message>
            <location filename="annotator/core/names.py" line="122" />
            <source>year</source>
            <translation>سنة</translation>
        </message>
        <message>
            <location filename="annotator/core/names.py" line="103" />
            <source>yes</source>
            <translation>نعم</translation>
        </message>
        <message>
            <location filename="annotator/core/names.py" line="103" />
            <source>no</source>
            <translation>لا</translation>
        </message>
    </context>
    <context>
        <name>commands</name>
        <message>
            <location filename="annotator/app/commands.py" line="116" />
            <source>No leading proclitic (و ف ب ل ك) to leave out</source>
            <translation>لا توجد سابقة (و ف ب ل ك) في أول الكلمة لاستبعادها</translation>
        </message>
        <message>
            <location filename="annotator/app/commands.py" line="56" />
            <source>Not done: no document</source>
            <translation>لم يُنفَّذ: لا يوجد مستند مفتوح</translation>
        </message>
        <message>
            <location filename="annotator/app/commands.py" line="268" />
            <source>New event {event}: choose its type and sub-type</source>
            <translation>حدث جديد {event}: اختر نوعه ونوعه الفرعي</translation>
        </message>
        <message>
            <location filename="annotator/app/commands.py" line="269" />
            <source>New event {event} without a trigger (select its word and set it in the panel): choose its type and sub-type</source>
            <translation>حدث جديد {event} بلا مُطلِق (حدّد كلمته واجعلها مُطلِقًا في اللوحة): اختر نوعه ونوعه الفرعي</translation>
        </message>
        <message>
            <location filename="annotator/app/commands.py" line="98" />
            <source>Select some text first (drag, double-click or Shift+arrows)</source>
            <translation>حدّد نصًا أولًا (بالسحب أو النقر المزدوج أو Shift مع الأسهم)</translation>
        </message>
        <message>
            <location filename="annotator/app/commands.py" line="126" />
            <source>Select a span or some text first</source>
            <translation>حدّد مقطعًا أو نصًا أولًا</translation>
        </message>
        <message>
            <location filename="annotator/app/commands.py" line="144" />
            <source>Click the span, then select the text it should cover, then F</source>
            <translation>انقر المقطع، ثم حدّد النص الذي يجب أن يغطيه، ثم اضغط F</translation>
        </message>
        <message>
            <location filename="annotator/app/commands.py" line="174" />
            <source>Select a span first (click it, or pick it in the span table)</source>
            <translation>حدّد مقطعًا أولًا (انقره، أو اختره في جدول المقاطع)</translation>
        </message>
        <message>
            <location filename="annotator/app/commands.py" line="193" />
            <source>Selected {span}: {label} {text}</source>
            <translation>المقطع المحدَّد {span}: {label} {text}</translation>
        </message>
        <message>
            <location filename="annotator/app/commands.py" line="207" />
            <source>Selection {text}</source>
            <translation>التحديد {text}</translation>
        </message>
        <message>
            <location filename="annotator/app/commands.py" line="235" />
            <source>The codebook has no event types</source>
            <translation>لا أنواع أحداث في دليل الترميز</translation>
        </message>
        <message>
            <location filename="annotator/app/commands.py" line="286" />
            <source>No current event: make one with E (or pick one in the panel)</source>
            <translation>لا يوجد حدث حالي: أنشئ حدثًا بالمفتاح E (أو اختر حدثًا في اللوحة)</translation>
        </message>
        <message>
            <location filename="annotator/app/commands.py" line="321" />
            <source>No current event</source>
            <translation>لا يوجد حدث حالي</translation>
        </message>
        <message>
            <location filename="annotator/app/commands.py" line="335" />
            <source>No events yet: select a trigger word and press E</source>
            <translation>لا أحداث بعد: حدّد كلمة مُطلِقة واضغط E</translation>
        </message>
        <message>
            <location filename="annotator/app/commands.py" line="61" />
            <source>Not done: {reason}</source>
            <translation>لم يُنفَّذ: {reason}</translation>
        </message>
        <message>
            <location filename="annotator/app/commands.py" line="107" />
            <source>{span} is now {label}</source>
            <translation>أصبح {span} موسومًا: {label}</translation>
        </message>
        <message>
            <location filename="annotator/app/commands.py" line="133" />
            <source>{span}: {text}</source>
            <translation>{span}: {text}</translation>
        </message>
        <message>
            <location filename="annotator/app/commands.py" line="151" />
            <source>No span under the selection to fit (a label key makes a new one)</source>
            <translation>لا يوجد مقطع تحت التحديد لملاءمته (مفتاح الوسم ينشئ مقطعًا جديدًا)</translation>
        </message>
        <message>
            <location filename="annotator/app/commands.py" line="184" />
            <source>Removed {span} (also taken out of {roles})</source>
            <translation>حُذف {span} (وأُخرج أيضًا من {roles})</translation>
        </message>
        <message>
            <location filename="annotator/app/commands.py" line="205" />
            <source>Selection {text} · X leaves out {proclitic}</source>
            <translation>التحديد {text} · المفتاح X يستبعد {proclitic}</translation>
        </message>
        <message>
            <location filename="annotator/app/commands.py" line="314" />
            <source>{event} {role} ← {text}</source>
            <translation>{event} {role} ← {text}</translation>
        </message>
        <message>
            <location filename="annotator/app/commands.py" line="326" />
            <source>Deleted event {event} (Ctrl+Z brings it back)</source>
            <translation>حُذف الحدث {event} (Ctrl+Z يعيده)</translation>
        </message>
        <message>
            <location filename="annotator/app/commands.py" line="122" />
            <source>Selection: {text}</source>
            <translation>التحديد: {text}</translation>
        </message>
        <message>
            <location filename="annotator/app/commands.py" line="159" />
            <source>{span} already covers the selection</source>
            <translation>{span} يغطي التحديد أصلًا</translation>
        </message>
        <message>
            <location filename="annotator/app/commands.py" line="182" />
            <source>Removed {span}</source>
            <translation>حُذف {span}</translation>
        </message>
        <message>
            <location filename="annotator/app/commands.py" line="281" />
            <source>Not done: unknown role {role}</source>
            <translation>لم يُنفَّذ: دور غير معروف {role}</translation>
        </message>
        <message>
            <location filename="annotator/app/commands.py" line="95" />
            <source>{label}: {text}</source>
            <translation>{label}: {text}</translation>
        </message>
        <message>
            <location filename="annotator/app/commands.py" line="154" />
            <source>{count} spans under the selection: click the one to fit first</source>
            <translation>المقاطع تحت التحديد: {count}؛ انقر أولًا المقطع المراد ملاءمته</translation>
        </message>
        <message>
            <location filename="annotator/app/commands.py" line="307" />
            <source>Select the text for {role} first</source>
            <translation>حدّد نص {role} أولًا</translation>
        </message>
        <message>
            <location filename="annotator/app/commands.py" line="86" />
            <source>Already labelled {label}: {span}</source>
            <translation>موسوم أصلًا بـ{label}: {span}</translation>
        </message>
        <message>
            <location filename="annotator/app/commands.py" line="253" />
            <source>Not done: {span} is {label}; a trigger must be {labels} (select the trigger word, or relabel it with {key})</source>
            <translation>لم يُنفَّذ: {span} موسوم {label}، والمُطلِق يجب أن يكون {labels} (حدّد كلمة المُطلِق، أو أعد وسمه بالمفتاح {key})</translation>
        </message>
    </context>
    <context>
        <name>dialogs</name>
        <message>
            <location filename="annotator/gui/dialogs.py" line="63" />
            <source>Your coder name, used for your annotation folder
(letters, digits, '-', '_' or '.'; for example amal.h):</source>
            <translation>اسمك مرمّزًا، ويُسمّى به مجلد توسيماتك
(حروف لاتينية أو أرقام أو '-' أو '_' أو '.'؛ مثل amal.h):</translation>
        </message>
        <message>
            <location filename="annotator/gui/dialogs.py" line="84" />
            <source>Unsaved changes</source>
            <translation>تغييرات غير محفوظة</translation>
        </message>
        <message>
            <location filename="annotator/gui/dialogs.py" line="86" />
            <source>Save them before going on?</source>
            <translation>أتحفظها قبل المتابعة؟</translation>
        </message>
        <message>
            <location filename="annotator/gui/dialogs.py" line="107" />
            <source>This reads the saved files. Save your changes first?</source>
            <translation>هذا يقرأ الملفات المحفوظة. أتحفظ تغييراتك أولًا؟</translation>
        </message>
        <message>
            <location filename="annotator/gui/dialogs.py" line="112" />
            <source>Go on without them</source>
            <translation>المتابعة من دونها</translation>
        </message>
        <message>
            <location filename="annotator/gui/dialogs.py" line="122" />
            <source>Restore unsaved work?</source>
            <translation>أتستعيد العمل غير المحفوظ؟</translation>
        </message>
        <message>
            <location filename="annotator/gui/dialogs.py" line="126" />
            <source>Restore it? (You can undo the restore with Ctrl+Z.) Discard throws it away.</source>
            <translation>أتستعيده؟ (يمكنك التراجع عن الاستعادة بـ Ctrl+Z.) «تجاهل» يحذفه.</translation>
        </message>
        <message>
            <location filename="annotator/gui/dialogs.py" line="128" />
            <source>Restore</source>
            <translation>استعادة</translation>
        </message>
        <message>
            <location filename="annotator/gui/dialogs.py" line="129" />
            <source>Discard</source>
            <translation>تجاهل</translation>
        </message>
        <message>
            <location filename="annotator/gui/dialogs.py" line="67" />
            <source>Who is coding?</source>
            <translation>من يرمّز؟</translation>
        </message>
        <message>
            <location filename="annotator/gui/dialogs.py" line="225" />
            <source>The details were written to {path}.</source>
            <translation>كُتبت التفاصيل في ⁦{path}⁩.</translation>
        </message>
        <message>
            <location filename="annotator/gui/dialogs.py" line="85" />
            <source>{title} has unsaved changes.</source>
            <translation>في «{title}» تغييرات غير محفوظة.</translation>
        </message>
        <message>
            <location filename="annotator/gui/dialogs.py" line="103" />
            <source>The export reads the saved files. Save your changes first?</source>
            <translation>التصدير يقرأ الملفات المحفوظة. أتحفظ تغييراتك أولًا؟</translation>
        </message>
        <message>
            <location filename="annotator/gui/dialogs.py" line="105" />
            <source>The agreement count reads the saved files. Save your changes first?</source>
            <translation>حساب الاتفاق يقرأ الملفات المحفوظة. أتحفظ تغييراتك أولًا؟</translation>
        </message>
        <message>
            <location filename="annotator/gui/dialogs.py" line="123" />
            <source>{title} has work that was not saved when the program last stopped ({summary}).</source>
            <translation>في «{title}» عمل لم يُحفظ حين توقّف البرنامج آخر مرة ({summary}).</translation>
        </message>
        <message>
            <location filename="annotator/gui/dialogs.py" line="135" />
            <source>Opened read-only</source>
            <translation>فُتح للقراءة فقط</translation>
        </message>
        <message>
            <location filename="annotator/gui/dialogs.py" line="151" />
            <source>Internal error</source>
            <translation>خطأ داخلي</translation>
        </message>
        <message>
            <location filename="annotator/gui/dialogs.py" line="228" />
            <source>The details could not be logged ({error}).</source>
            <translation>تعذّر تسجيل التفاصيل ({error}).</translation>
        </message>
        <message>
            <location filename="annotator/gui/dialogs.py" line="81" />
            <source>{problem}

Your coder name:</source>
            <translation>{problem}

اسمك مرمّزًا:</translation>
        </message>
        <message>
            <location filename="annotator/gui/dialogs.py" line="136" />
            <source>{message}

The document is open read-only in this window.</source>
            <translation>{message}

المستند مفتوح للقراءة فقط في هذه النافذة.</translation>
        </message>
        <message>
            <location filename="annotator/gui/dialogs.py" line="255" />
            <source>Something went wrong inside annotator (a bug): {error}

{where}

Your saved work is safe; unsaved work is kept in the recovery file and offered back when you open the document again.</source>
            <translation>حدث خطأ داخل annotator (علّة برمجية): {error}

{where}

عملك المحفوظ سليم؛ والعمل غير المحفوظ محفوظ في ملف الاستعادة ويُعرض عليك حين تفتح المستند مرة أخرى.</translation>
        </message>
    </context>
    <context>
        <name>edits</name>
        <message>
            <location filename="annotator/app/commands.py" line="247" />
            <source>new event {event} {words}</source>
            <translation>حدث جديد {event} {words}</translation>
        </message>
        <message>
            <location filename="annotator/app/commands.py" line="301" />
            <source>{event} {role} ← {text}</source>
            <translation>{event} {role} ← {text}</translation>
        </message>
        <message>
            <location filename="annotator/core/decisions.py" line="190" />
            <source>Adjudicate {item}: reject</source>
            <translation>تحكيم {item}: رفض</translation>
        </message>
        <message>
            <location filename="annotator/core/decisions.py" line="191" />
            <source>Adjudicate {item}: accept both</source>
            <translation>تحكيم {item}: قبول الصيغتين</translation>
        </message>
        <message>
            <location filename="annotator/core/decisions.py" line="192" />
            <source>Adjudicate {item}: accept {coder}</source>
            <translation>تحكيم {item}: قبول {coder}</translation>
        </message>
        <message>
            <location filename="annotator/core/edits.py" line="395" />
            <source>{event} trigger {text}</source>
            <translation>مُطلِق {event}: {text}</translation>
        </message>
        <message>
            <location filename="annotator/core/edits.py" line="396" />
            <source>clear {event} trigger {text}</source>
            <translation>إزالة مُطلِق {event}: {text}</translation>
        </message>
        <message>
            <location filename="annotator/core/edits.py" line="113" />
            <source>label {text} {label}</source>
            <translation>وسم {text}: {label}</translation>
        </message>
        <message>
            <location filename="annotator/core/edits.py" line="146" />
            <source>remove {label} {text}</source>
            <translation>حذف {label} {text}</translation>
        </message>
        <message>
            <location filename="annotator/core/edits.py" line="211" />
            <source>relabel {text} {old} → {new}</source>
            <translation>إعادة وسم {text}: {old} ← {new}</translation>
        </message>
        <message>
            <location filename="annotator/core/edits.py" line="245" />
            <source>resize {label} {old} → {new}</source>
            <translation>تغيير حدود {label}: {old} ← {new}</translation>
        </message>
        <message>
            <location filename="annotator/core/edits.py" line="331" />
            <source>delete event {event} {words}</source>
            <translation>حذف الحدث {event} {words}</translation>
        </message>
        <message>
            <location filename="annotator/core/edits.py" line="368" />
            <source>{event} type {type}</source>
            <translation>نوع {event}: {type}</translation>
        </message>
        <message>
            <location filename="annotator/core/edits.py" line="481" />
            <source>take {text} out of {event} {role}</source>
            <translation>إخراج {text} من {event} {role}</translation>
        </message>
        <message>
            <location filename="annotator/core/edits.py" line="572" />
            <source>status {status}</source>
            <translation>الحالة: {status}</translation>
        </message>
        <message>
            <location filename="annotator/core/names.py" line="150" />
            <source>clear {event} {field}</source>
            <translation>مسح {field} في {event}</translation>
        </message>
        <message>
            <location filename="annotator/core/names.py" line="151" />
            <source>{event} {field} {value}</source>
            <translation>{field} في {event}: {value}</translation>
        </message>
        <message>
            <location filename="annotator/core/names.py" line="153" />
            <source>clear {field}</source>
            <translation>مسح {field}</translation>
        </message>
        <message>
            <location filename="annotator/core/names.py" line="154" />
            <source>{field} {value}</source>
            <translation>{field}: {value}</translation>
        </message>
    </context>
    <context>
        <name>event</name>
        <message>
            <location filename="annotator/gui/event_editor.py" line="142" />
            <source>Event</source>
            <translation>الحدث</translation>
        </message>
        <message>
            <location filename="annotator/gui/event_editor.py" line="154" />
            <source>No event selected. Pick one in the list above, or create one from its trigger word in the text.</source>
            <translation>لا يوجد حدث محدَّد. اختر حدثًا من القائمة أعلاه، أو أنشئ حدثًا من كلمته المُطلِقة في النص.</translation>
        </message>
        <message>
            <location filename="annotator/gui/event_editor.py" line="181" />
            <source>Sub-type</source>
            <translation>النوع الفرعي</translation>
        </message>
        <message>
            <location filename="annotator/gui/event_editor.py" line="188" />
            <source>Trigger</source>
            <translation>المُطلِق</translation>
        </message>
        <message>
            <location filename="annotator/gui/event_editor.py" line="189" />
            <source>Type *</source>
            <translation>النوع *</translation>
        </message>
        <message>
            <location filename="annotator/gui/event_editor.py" line="201" />
            <source>Roles · الأدوار</source>
            <translation>الأدوار</translation>
        </message>
        <message>
            <location filename="annotator/gui/event_editor.py" line="211" />
            <source>Fields · الحقول</source>
            <translation>الحقول</translation>
        </message>
        <message>
            <location filename="annotator/gui/event_editor.py" line="382" />
            <source>Sub-type *</source>
            <translation>النوع الفرعي *</translation>
        </message>
        <message>
            <location filename="annotator/gui/event_editor.py" line="392" />
            <source>Trigger *</source>
            <translation>المُطلِق *</translation>
        </message>
        <message>
            <location filename="annotator/gui/event_editor.py" line="396" />
            <source>Clear the trigger</source>
            <translation>إزالة المُطلِق</translation>
        </message>
        <message>
            <location filename="annotator/gui/event_editor.py" line="402" />
            <source>none</source>
            <translation>لا يوجد</translation>
        </message>
        <message>
            <location filename="annotator/gui/event_editor.py" line="478" />
            <source>Replace with the selected span: {text}</source>
            <translation>الاستبدال بالمقطع المحدَّد: {text}</translation>
        </message>
        <message>
            <location filename="annotator/gui/event_editor.py" line="479" />
            <source>Add the selected span: {text}</source>
            <translation>إضافة المقطع المحدَّد: {text}</translation>
        </message>
        <message>
            <location filename="annotator/gui/event_editor.py" line="493" />
            <source>Selected span: {text} ({label}): “+ add” puts it in a role</source>
            <translation>المقطع المحدَّد: {text} ({label})؛ «+ إضافة» يضعه في دور</translation>
        </message>
        <message>
            <location filename="annotator/gui/event_editor.py" line="77" />
            <source>{text}
{label} · {span} · {start}-{end}
Click to show it in the text</source>
            <translation>{text}
{label} · {span} · {start}-{end}
انقر لإظهاره في النص</translation>
        </message>
        <message>
            <location filename="annotator/gui/event_editor.py" line="265" />
            <source>Event {event}</source>
            <translation>الحدث {event}</translation>
        </message>
        <message>
            <location filename="annotator/gui/event_editor.py" line="362" />
            <source>{type} (unknown type)</source>
            <translation>{type} (نوع غير معروف)</translation>
        </message>
        <message>
            <location filename="annotator/gui/event_editor.py" line="377" />
            <source>{subtype} (unknown)</source>
            <translation>{subtype} (غير معروف)</translation>
        </message>
        <message>
            <location filename="annotator/gui/event_editor.py" line="436" />
            <source>{role} (unknown role)</source>
            <translation>{role} (دور غير معروف)</translation>
        </message>
        <message>
            <location filename="annotator/gui/event_editor.py" line="477" />
            <source>⇄ replace</source>
            <translation>⇄ استبدال</translation>
        </message>
        <message>
            <location filename="annotator/gui/event_editor.py" line="477" />
            <source>+ add</source>
            <translation>+ إضافة</translation>
        </message>
        <message>
            <location filename="annotator/gui/event_editor.py" line="411" />
            <source>← use «{text}»</source>
            <translation>→ استخدام «{text}»</translation>
        </message>
        <message>
            <location filename="annotator/gui/event_editor.py" line="413" />
            <source>Make the selected span the trigger: {text}</source>
            <translation>جعل المقطع المحدَّد مُطلِقًا: {text}</translation>
        </message>
        <message>
            <location filename="annotator/gui/event_editor.py" line="459" />
            <source>Remove from {role}</source>
            <translation>إخراج من {role}</translation>
        </message>
        <message>
            <location filename="annotator/gui/event_editor.py" line="440" />
            <source>{help}
Takes: {labels}</source>
            <translation>{help}
يقبل: {labels}</translation>
        </message>
        <message>
            <location filename="annotator/gui/event_editor.py" line="455" />
            <source>{span} (missing span)</source>
            <translation>{span} (مقطع مفقود)</translation>
        </message>
    </context>
    <context>
        <name>events</name>
        <message>
            <location filename="annotator/gui/models.py" line="173" />
            <source>{event} · {title} · {count} missing</source>
            <translation>{event} · {title} · ناقص: {count}</translation>
        </message>
        <message>
            <location filename="annotator/gui/models.py" line="174" />
            <source>{event} · {title} · ✓ complete</source>
            <translation>{event} · {title} · ✓ مكتمل</translation>
        </message>
        <message>
            <location filename="annotator/gui/models.py" line="180" />
            <source>{event} · {title}</source>
            <translation>{event} · {title}</translation>
        </message>
        <message>
            <location filename="annotator/gui/models.py" line="182" />
            <source>Nothing missing</source>
            <translation>لا شيء ناقص</translation>
        </message>
    </context>
    <context>
        <name>export</name>
        <message>
            <location filename="annotator/formats/export/report.py" line="74" />
            <source>Export cancelled; nothing was written.</source>
            <translation>أُلغي التصدير؛ لم يُكتب شيء.</translation>
        </message>
        <message>
            <location filename="annotator/formats/export/report.py" line="79" />
            <source>Exported {sets} annotation set(s) of {documents} document(s) ({spans} spans, {events} events) as {format} to {output}.</source>
            <translation>صُدِّرت مجموعات التوسيم: {sets}، من المستندات: {documents} (المقاطع: {spans}، الأحداث: {events}) بصيغة {format} إلى ⁦{output}⁩.</translation>
        </message>
        <message>
            <location filename="annotator/formats/export/report.py" line="76" />
            <source>Nothing exported: {count} annotation file(s) have errors (fix them, or export with --skip-invalid to leave them out).</source>
            <translation>لم يُصدَّر شيء: ملفات التوسيم التي فيها أخطاء: {count} (أصلحها، أو صدّر مع ⁦--skip-invalid⁩ لاستبعادها).</translation>
        </message>
        <message>
            <location filename="annotator/formats/export/report.py" line="84" />
            <source>Left out {count} invalid file(s) (listed in {card}).</source>
            <translation>استُبعدت ملفات غير صالحة: {count} (مذكورة في ⁦{card}⁩).</translation>
        </message>
        <message>
            <location filename="annotator/formats/export/report.py" line="88" />
            <source>{count} thing(s) the format cannot express (listed in {card}).</source>
            <translation>أشياء لا تستطيع الصيغة التعبير عنها: {count} (مذكورة في ⁦{card}⁩).</translation>
        </message>
        <message>
            <location filename="annotator/formats/export/report.py" line="91" />
            <source>Removed {count} unfinished export folder(s) that stopped exports had left there.</source>
            <translation>حُذفت مجلدات تصدير غير مكتملة خلّفتها عمليات تصدير متوقفة: {count}.</translation>
        </message>
    </context>
    <context>
        <name>fields</name>
        <message>
            <location filename="annotator/gui/field_widgets.py" line="447" />
            <source>yes · نعم</source>
            <translation>نعم</translation>
        </message>
        <message>
            <location filename="annotator/gui/field_widgets.py" line="363" />
            <source>{problem} (or set precision to '{precision}')</source>
            <translation>{problem} (أو اجعل الدقة «{precision}»)</translation>
        </message>
        <message>
            <location filename="annotator/gui/field_widgets.py" line="499" />
            <source>{value} (field type {type} cannot be edited here)</source>
            <translation>{value} (لا يمكن تحرير حقل من النوع {type} هنا)</translation>
        </message>
    </context>
    <context>
        <name>import</name>
        <message>
            <location filename="annotator/formats/importing.py" line="153" />
            <source>Imported {sets} annotation set(s) ({spans} spans, {events} events) of {documents} document(s), {new} new.</source>
            <translation>استُوردت مجموعات التوسيم: {sets} (المقاطع: {spans}، الأحداث: {events}) من المستندات: {documents}، الجديد منها: {new}.</translation>
        </message>
        <message>
            <location filename="annotator/formats/importing.py" line="143" />
            <source>Import cancelled; nothing was written.</source>
            <translation>أُلغي الاستيراد؛ لم يُكتب شيء.</translation>
        </message>
        <message>
            <location filename="annotator/formats/importing.py" line="156" />
            <source>Dry run: would import {sets} annotation set(s) ({spans} spans, {events} events) of {documents} document(s), {new} new.</source>
            <translation>تجربة دون كتابة: سيُستورد من مجموعات التوسيم: {sets} (المقاطع: {spans}، الأحداث: {events}) من المستندات: {documents}، الجديد منها: {new}.</translation>
        </message>
        <message>
            <location filename="annotator/formats/importing.py" line="163" />
            <source>Imported nothing: {problems} problem(s) (fix them, map the names, or import with --skip-invalid to leave the problems out).</source>
            <translation>لم يُستورد شيء: المشكلات: {problems} (أصلحها، أو اربط الأسماء، أو استورد مع ⁦--skip-invalid⁩ لاستبعاد المشكلات).</translation>
        </message>
        <message>
            <location filename="annotator/formats/importing.py" line="183" />
            <source>Left out {left} of the {read} records read, and 1 item with a problem from the records imported.</source>
            <translation>استُبعد {left} من أصل {read} سجلًا مقروءًا، وعنصر واحد فيه مشكلة من السجلات المستوردة.</translation>
        </message>
        <message>
            <location filename="annotator/formats/importing.py" line="185" />
            <source>Left out {left} of the {read} records read, and {items} items with problems from the records imported.</source>
            <translation>استُبعد {left} من أصل {read} سجلًا مقروءًا، وعناصر فيها مشكلات من السجلات المستوردة: {items}.</translation>
        </message>
        <message>
            <location filename="annotator/formats/importing.py" line="188" />
            <source>Left out {left} of the {read} records read.</source>
            <translation>استُبعد {left} من أصل {read} سجلًا مقروءًا.</translation>
        </message>
        <message>
            <location filename="annotator/formats/importing.py" line="144" />
            <source>Import cancelled after writing {written} of {sets} annotation set(s); each written file is whole. To add the rest, import again with the same options and --skip-invalid (the sets already written are then left as they are).</source>
            <translation>أُلغي الاستيراد بعد كتابة {written} من أصل {sets} من مجموعات التوسيم؛ وكل ملف كُتب سليم كامل. لإضافة الباقي، استورد مرة أخرى بالخيارات نفسها مع ⁦--skip-invalid⁩ (وتبقى المجموعات المكتوبة كما هي).</translation>
        </message>
        <message>
            <location filename="annotator/formats/importing.py" line="190" />
            <source>Left out 1 item with a problem from the records imported.</source>
            <translation>استُبعد عنصر واحد فيه مشكلة من السجلات المستوردة.</translation>
        </message>
        <message>
            <location filename="annotator/formats/importing.py" line="192" />
            <source>Left out {items} items with problems from the records imported.</source>
            <translation>استُبعدت عناصر فيها مشكلات من السجلات المستوردة: {items}.</translation>
        </message>
        <message>
            <location filename="annotator/formats/importing.py" line="159" />
            <source>{problems} problem(s): nothing would be written unless they are fixed or --skip-invalid leaves them out.</source>
            <translation>المشكلات: {problems}؛ لن يُكتب شيء ما لم تُصلَح أو يستبعدها ⁦--skip-invalid⁩.</translation>
        </message>
        <message>
            <location filename="annotator/formats/importing.py" line="170" />
            <source>{count} change(s) of form, nothing lost (listed as notes).</source>
            <translation>تغييرات في الشكل دون فقدان شيء: {count} (مذكورة في الملاحظات).</translation>
        </message>
        <message>
            <location filename="annotator/formats/importing.py" line="174" />
            <source>Names the codebook does not know: {hint}</source>
            <translation>أسماء لا يعرفها دليل الترميز: {hint}</translation>
        </message>
    </context>
    <context>
        <name>issues</name>
        <message>
            <location filename="annotator/app/issue_words.py" line="32" />
            <source>choose a sub-type</source>
            <translation>اختر نوعًا فرعيًا</translation>
        </message>
        <message>
            <location filename="annotator/app/issue_words.py" line="33" />
            <source>mark its trigger</source>
            <translation>حدّد مُطلِقه</translation>
        </message>
        <message>
            <location filename="annotator/app/issue_words.py" line="34" />
            <source>role {role} is required</source>
            <translation>الدور {role} مطلوب</translation>
        </message>
        <message>
            <location filename="annotator/app/issue_words.py" line="35" />
            <source>field {field} is required</source>
            <translation>الحقل {field} مطلوب</translation>
        </message>
        <message>
            <location filename="annotator/app/issue_words.py" line="37" />
            <source>document field {field} is required</source>
            <translation>حقل المستند {field} مطلوب</translation>
        </message>
        <message>
            <location filename="annotator/app/issue_words.py" line="40" />
            <source>{role} must be a span labelled {labels}; span {span} is {label}</source>
            <translation>يجب أن يكون {role} مقطعًا موسومًا {labels}؛ والمقطع {span} موسوم {label}</translation>
        </message>
        <message>
            <location filename="annotator/app/issue_words.py" line="42" />
            <source>{role} takes at most {max} span(s), has {count}</source>
            <translation>يقبل {role} مقاطع عددها {max} على الأكثر، وفيه {count}</translation>
        </message>
        <message>
            <location filename="annotator/app/issue_words.py" line="44" />
            <source>the trigger must be labelled {labels}, not {label}</source>
            <translation>يجب أن يكون المُطلِق موسومًا {labels}، لا {label}</translation>
        </message>
        <message>
            <location filename="annotator/app/issue_words.py" line="46" />
            <source>span {span} already fills {role}</source>
            <translation>المقطع {span} يملأ {role} أصلًا</translation>
        </message>
        <message>
            <location filename="annotator/app/issue_words.py" line="48" />
            <source>span {span} is used in event {event}: {problem}</source>
            <translation>المقطع {span} مستخدم في الحدث {event}: {problem}</translation>
        </message>
        <message>
            <location filename="annotator/app/issue_words.py" line="50" />
            <source>span {span} duplicates span {other} (same range and label)</source>
            <translation>المقطع {span} مكرّر للمقطع {other} (المدى نفسه والوسم نفسه)</translation>
        </message>
        <message>
            <location filename="annotator/app/issue_words.py" line="52" />
            <source>span {span}: unknown label {value}</source>
            <translation>المقطع {span}: وسم غير معروف {value}</translation>
        </message>
        <message>
            <location filename="annotator/app/issue_words.py" line="53" />
            <source>unknown label {value}</source>
            <translation>وسم غير معروف {value}</translation>
        </message>
        <message>
            <location filename="annotator/app/issue_words.py" line="55" />
            <source>{field}: must be at least {value}</source>
            <translation>{field}: يجب ألا يقل عن {value}</translation>
        </message>
        <message>
            <location filename="annotator/app/issue_words.py" line="57" />
            <source>{field}: must be at most {value}</source>
            <translation>{field}: يجب ألا يزيد على {value}</translation>
        </message>
        <message>
            <location filename="annotator/app/issue_words.py" line="59" />
            <source>{field}: unknown choice {value} (choose from {other})</source>
            <translation>{field}: خيار غير معروف {value} (اختر من {other})</translation>
        </message>
        <message>
            <location filename="annotator/app/issue_words.py" line="61" />
            <source>{field}: qualifier {value} needs a number</source>
            <translation>{field}: الوصف {value} يحتاج إلى عدد</translation>
        </message>
        <message>
            <location filename="annotator/app/issue_words.py" line="63" />
            <source>precision {precision} needs a full date</source>
            <translation>الدقة «{precision}» تحتاج إلى تاريخ كامل</translation>
        </message>
        <message>
            <location filename="annotator/app/issue_words.py" line="65" />
            <source>precision {precision} needs at least year and month</source>
            <translation>الدقة «{precision}» تحتاج إلى السنة والشهر على الأقل</translation>
        </message>
        <message>
            <location filename="annotator/app/issue_words.py" line="67" />
            <source>{value} is not a date like 2024-03-05 (or 2024-03 for a month)</source>
            <translation>{value} ليس تاريخًا مثل 2024-03-05 (أو 2024-03 لشهر)</translation>
        </message>
        <message>
            <location filename="annotator/app/issue_words.py" line="68" />
            <source>{value} is not a real date</source>
            <translation>{value} ليس تاريخًا صحيحًا</translation>
        </message>
        <message>
            <location filename="annotator/app/issue_words.py" line="69" />
            <source>{field}: {problem}</source>
            <translation>{field}: {problem}</translation>
        </message>
        <message>
            <location filename="annotator/app/issue_words.py" line="70" />
            <source>there is no span {value}</source>
            <translation>لا يوجد مقطع {value}</translation>
        </message>
        <message>
            <location filename="annotator/app/issue_words.py" line="71" />
            <source>there is no event {value}</source>
            <translation>لا يوجد حدث {value}</translation>
        </message>
        <message>
            <location filename="annotator/app/issue_words.py" line="73" />
            <source>made with codebook version {value}, the project now uses {other}</source>
            <translation>رُمِّز بإصدار دليل الترميز {value}، والمشروع يستخدم الآن {other}</translation>
        </message>
        <message>
            <location filename="annotator/app/issue_words.py" line="131" />
            <source>event {event}: {problem}</source>
            <translation>الحدث {event}: {problem}</translation>
        </message>
        <message>
            <location filename="annotator/app/issue_words.py" line="129" />
            <source>event {event} ({type}): {problem}</source>
            <translation>الحدث {event} ({type}): {problem}</translation>
        </message>
        <message>
            <location filename="annotator/app/issue_words.py" line="70" />
            <source>the selection holds only spaces</source>
            <translation>التحديد فيه مسافات فقط</translation>
        </message>
        <message>
            <location filename="annotator/app/issue_words.py" line="72" />
            <source>span {span} is used as {other}; remove it from there first</source>
            <translation>المقطع {span} مستخدم بوصفه {other}؛ أخرجه من هناك أولًا</translation>
        </message>
    </context>
    <context>
        <name>marks</name>
        <message>
            <location filename="annotator/gui/marks.py" line="32" />
            <source>{span} · {uses}</source>
            <translation>{span} · {uses}</translation>
        </message>
        <message>
            <location filename="annotator/gui/marks.py" line="28" />
            <source>{role} of {event}</source>
            <translation>{role} في {event}</translation>
        </message>
    </context>
    <context>
        <name>status</name>
        <message>
            <location filename="annotator/gui/status_bar.py" line="39" />
            <source>Coder name (the folder your annotations go to)</source>
            <translation>اسم المرمّز (المجلد الذي تُحفظ فيه توسيماتك)</translation>
        </message>
        <message>
            <location filename="annotator/gui/status_bar.py" line="40" />
            <source>This document's place in the project</source>
            <translation>موضع هذا المستند في المشروع</translation>
        </message>
        <message>
            <location filename="annotator/gui/status_bar.py" line="41" />
            <source>Validation: what is missing or wrong (F8 goes there)</source>
            <translation>التحقق: ما هو ناقص أو خاطئ (F8 ينتقل إليه)</translation>
        </message>
        <message>
            <location filename="annotator/gui/status_bar.py" line="43" />
            <source>Time spent coding this document</source>
            <translation>الوقت المستغرق في ترميز هذا المستند</translation>
        </message>
        <message>
            <location filename="annotator/gui/status_bar.py" line="44" />
            <source>Coder: {coder}</source>
            <translation>المرمّز: {coder}</translation>
        </message>
        <message>
            <location filename="annotator/gui/status_bar.py" line="57" />
            <source>Time {clock}</source>
            <translation>الوقت {clock}</translation>
        </message>
        <message>
            <location filename="annotator/gui/status_bar.py" line="83" />
            <source>1 error</source>
            <translation>خطأ واحد</translation>
        </message>
        <message>
            <location filename="annotator/gui/status_bar.py" line="88" />
            <source>✓ complete</source>
            <translation>✓ مكتمل</translation>
        </message>
        <message>
            <location filename="annotator/gui/status_bar.py" line="89" />
            <source>✓ nothing yet</source>
            <translation>✓ لا شيء بعد</translation>
        </message>
        <message>
            <location filename="annotator/gui/status_bar.py" line="91" />
            <source>1 warning</source>
            <translation>تنبيه واحد</translation>
        </message>
        <message>
            <location filename="annotator/gui/status_bar.py" line="97" />
            <source>Nothing missing</source>
            <translation>لا شيء ناقص</translation>
        </message>
        <message>
            <location filename="annotator/gui/status_bar.py" line="47" />
            <source>Document {number}/{total} · {done} done</source>
            <translation>المستند {number} من {total} · المنجز: {done}</translation>
        </message>
        <message>
            <location filename="annotator/gui/status_bar.py" line="86" />
            <source>{count} missing</source>
            <translation>ناقص: {count}</translation>
        </message>
        <message>
            <location filename="annotator/gui/status_bar.py" line="84" />
            <source>{count} errors</source>
            <translation>الأخطاء: {count}</translation>
        </message>
        <message>
            <location filename="annotator/gui/status_bar.py" line="92" />
            <source>{count} warnings</source>
            <translation>التنبيهات: {count}</translation>
        </message>
    </context>
    <context>
        <name>transfer</name>
        <message>
            <location filename="annotator/gui/transfer.py" line="143" />
            <source>Run</source>
            <translation>تشغيل</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="320" />
            <source>Export</source>
            <translation>تصدير</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="433" />
            <source>Import</source>
            <translation>استيراد</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="620" />
            <source>Compute</source>
            <translation>احسب</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="169" />
            <source>What the run did, and every problem, shows here.</source>
            <translation>يظهر هنا ما فعله التشغيل، وكل مشكلة.</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="180" />
            <source>Cancel</source>
            <translation>إلغاء</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="185" />
            <source>Close</source>
            <translation>إغلاق</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="215" />
            <source>Running…</source>
            <translation>قيد التشغيل…</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="308" />
            <source>Browse…</source>
            <translation>استعراض…</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="328" />
            <source>The dataset format; the card beside the data says what it holds</source>
            <translation>صيغة مجموعة البيانات؛ والبطاقة بجانب البيانات تصف ما فيها</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="330" />
            <source>&amp;Format:</source>
            <translation>ال&amp;صيغة:</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="333" />
            <source>A new or empty folder (or a previous export, with 'Replace')</source>
            <translation>مجلد جديد أو فارغ (أو تصدير سابق، مع «استبدال»)</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="335" />
            <source>&amp;Output folder:</source>
            <translation>مجلد ال&amp;إخراج:</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="338" />
            <source>Only this coder's annotation sets</source>
            <translation>مجموعات توسيم هذا المرمّز فقط</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="339" />
            <source>&amp;Coder:</source>
            <translation>ال&amp;مرمّز:</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="342" />
            <source>Only sets with this status (a gold-standard export usually takes 'done')</source>
            <translation>المجموعات التي لها هذه الحالة فقط (تصدير المجموعة المرجعية يأخذ عادة «منجز»)</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="344" />
            <source>&amp;Status:</source>
            <translation>ال&amp;حالة:</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="348" />
            <source>none, or e.g. 80/10/10 (train/dev/test by document)</source>
            <translation>بلا تقسيم، أو مثلًا 80/10/10 (تدريب/تطوير/اختبار بحسب المستند)</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="353" />
            <source>The same seed gives the same split</source>
            <translation>البذرة نفسها تعطي التقسيم نفسه</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="360" />
            <source>S&amp;plit:</source>
            <translation>ال&amp;تقسيم:</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="361" />
            <source>Leave out invalid annotation files; the card lists them (--skip-invalid)</source>
            <translation>استبعاد ملفات التوسيم غير الصالحة؛ والبطاقة تذكرها (⁦--skip-invalid⁩)</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="366" />
            <source>Replace a previous export in that folder (--overwrite)</source>
            <translation>استبدال تصدير سابق في ذلك المجلد (⁦--overwrite⁩)</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="395" />
            <source>Export into folder</source>
            <translation>التصدير إلى مجلد</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="444" />
            <source>The format of the files</source>
            <translation>صيغة الملفات</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="448" />
            <source>Files, or folders of files, to import</source>
            <translation>ملفات، أو مجلدات ملفات، للاستيراد</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="463" />
            <source>F&amp;iles:</source>
            <translation>ال&amp;ملفات:</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="466" />
            <source>e.g. pre for pre-annotations; native JSONL names its coders</source>
            <translation>مثلًا pre للتوسيم المسبق؛ وملفات JSONL الأصلية تذكر مرمّزيها</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="475" />
            <source>One per line: PER=ACTOR, role:Agent=ATTACKER, field:Killed=fatalities</source>
            <translation>واحد في كل سطر: PER=ACTOR و role:Agent=ATTACKER و field:Killed=fatalities</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="478" />
            <source>&amp;Label map:</source>
            <translation>&amp;ربط الوسوم:</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="481" />
            <source>format options, e.g. offset_unit=utf16 text_key=body</source>
            <translation>خيارات الصيغة، مثلًا offset_unit=utf16 text_key=body</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="483" />
            <source>&amp;Options:</source>
            <translation>ال&amp;خيارات:</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="484" />
            <source>Import what is valid and leave out the problems (--skip-invalid)</source>
            <translation>استيراد الصالح واستبعاد المشكلات (⁦--skip-invalid⁩)</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="489" />
            <source>Replace existing annotation sets of that coder (--overwrite)</source>
            <translation>استبدال مجموعات التوسيم الموجودة لذلك المرمّز (⁦--overwrite⁩)</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="494" />
            <source>Fill label map</source>
            <translation>ملء ربط الوسوم</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="496" />
            <source>Add a line NAME= to the label map for every name the last run did not know</source>
            <translation>إضافة سطر NAME= إلى ربط الوسوم لكل اسم لم يعرفه التشغيل الأخير</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="501" />
            <source>Check</source>
            <translation>فحص</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="503" />
            <source>A dry run: read everything, report, write nothing</source>
            <translation>تجربة دون كتابة: اقرأ كل شيء، وأبلغ، ولا تكتب شيئًا</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="531" />
            <source>Files to import</source>
            <translation>ملفات للاستيراد</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="539" />
            <source>Folder to import</source>
            <translation>مجلد للاستيراد</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="592" />
            <source>Something went wrong inside annotator (a bug): {error}

{where}
Every file already written is whole: each write is atomic.</source>
            <translation>حدث خطأ داخل annotator (علّة برمجية): {error}

{where}
كل ملف كُتب سليم كامل: كل كتابة تتم دفعة واحدة.</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="640" />
            <source>&amp;Coders:</source>
            <translation>ال&amp;مرمّزون:</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="643" />
            <source>Compare the sets with this status (finished work: 'done')</source>
            <translation>قارن المجموعات التي لها هذه الحالة (العمل المكتمل: «منجز»)</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="651" />
            <source>Choose two coders or more, then Compute.</source>
            <translation>اختر مرمّزَين أو أكثر، ثم «احسب».</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="656" />
            <source>Document</source>
            <translation>المستند</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="656" />
            <source>Disputed</source>
            <translation>نسبة الخلاف</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="660" />
            <source>The documents the coders disagree on, the most disputed first (the share of items in dispute), with how many disagreements of each kind. Double-click or press Enter to choose one.</source>
            <translation>المستندات التي اختلف عليها المرمّزون، الأكثر خلافًا أولًا (نسبة العناصر المختلف عليها)، مع عدد الخلافات من كل نوع. انقر نقرًا مزدوجًا أو اضغط Enter لاختيار مستند.</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="671" />
            <source>Documents the coders disagree on:</source>
            <translation>المستندات التي اختلف عليها المرمّزون:</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="225" />
            <source>Cancelling…</source>
            <translation>جارٍ الإلغاء…</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="358" />
            <source>seed:</source>
            <translation>البذرة:</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="404" />
            <source>Choose an output folder.</source>
            <translation>اختر مجلد الإخراج.</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="419" />
            <source>Problems:</source>
            <translation>المشكلات:</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="455" />
            <source>Add files…</source>
            <translation>إضافة ملفات…</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="456" />
            <source>Add folder…</source>
            <translation>إضافة مجلد…</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="457" />
            <source>Remove</source>
            <translation>إزالة</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="553" />
            <source>Add the files (or folders) to import.</source>
            <translation>أضف الملفات (أو المجلدات) المراد استيرادها.</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="700" />
            <source>Choose two coders or more.</source>
            <translation>اختر مرمّزَين أو أكثر.</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="711" />
            <source>Files left out of the figures (each has an error; annotator validate lists them all):</source>
            <translation>ملفات استُبعدت من الأرقام (في كل منها خطأ؛ والأمر annotator validate يذكرها كلها):</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="325" />
            <source>Export {project}</source>
            <translation>تصدير {project}</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="440" />
            <source>Import annotations into {project}</source>
            <translation>استيراد توسيمات إلى {project}</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="625" />
            <source>Agreement between coders: {project}</source>
            <translation>الاتفاق بين المرمّزين: {project}</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="630" />
            <source>The coders to compare ({gold}, the adjudicated sets, only when ticked)</source>
            <translation>المرمّزون المراد مقارنتهم ({gold}، المجموعات المحكَّمة، فقط حين تُعلَّم)</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="708" />
            <source>Cancelled: the figures cover the documents read so far.</source>
            <translation>أُلغي: الأرقام تشمل المستندات المقروءة حتى الآن.</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="416" />
            <source>Files: {count}, with the dataset card and SHA256SUMS.</source>
            <translation>الملفات: {count}، مع بطاقة مجموعة البيانات وملف SHA256SUMS.</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="470" />
            <source>(the format's default)</source>
            <translation>(افتراضي الصيغة)</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="575" />
            <source>Names the codebook does not know: {names}.</source>
            <translation>أسماء لا يعرفها دليل الترميز: {names}.</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="577" />
            <source>'Fill label map' adds a line for each: write the codebook's name after '=' (labels: {labels}).</source>
            <translation>«ملء ربط الوسوم» يضيف سطرًا لكل منها: اكتب اسم دليل الترميز بعد '=' (الوسوم: {labels}).</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="743" />
            <source>Documents the coders disagree on: {count} of {compared} coded by two of them or more, the most disputed first</source>
            <translation>المستندات التي اختلف عليها المرمّزون: {count} من أصل {compared} رمّزها اثنان منهم أو أكثر، الأكثر خلافًا أولًا</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="421" />
            <source>… and {count} more file(s)</source>
            <translation>… وملفات أخرى: {count}</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="560" />
            <source>format option {option}: write it as KEY=VALUE</source>
            <translation>خيار الصيغة {option}: اكتبه بالشكل KEY=VALUE</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer.py" line="582" />
            <source>… and {count} more</source>
            <translation>… وغيرها: {count}</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer_words.py" line="22" />
            <source>(any)</source>
            <translation>(أيّ)</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer_words.py" line="29" />
            <source>Native JSON Lines, lossless: one annotation set (document text, meta, spans, events, fields, coder, status, codebook) per line; schemas/export-jsonl.schema.json</source>
            <translation>أسطر JSON الأصلية، دون فقدان: مجموعة توسيم واحدة في كل سطر (نص المستند، البيانات الوصفية، المقاطع، الأحداث، الحقول، المرمّز، الحالة، دليل الترميز)؛ schemas/export-jsonl.schema.json</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer_words.py" line="32" />
            <source>Event table in ACLED's column style, one row per event, with the evidence span offsets</source>
            <translation>جدول أحداث بأعمدة على طريقة ACLED، صف لكل حدث، مع مواضع مقاطع الأدلة</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer_words.py" line="34" />
            <source>CoNLL BIO span tagging: token, start, end, then one tag column per nesting level</source>
            <translation>وسم المقاطع بطريقة CoNLL BIO: الكلمة، البداية، النهاية، ثم عمود وسم لكل مستوى تداخل</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer_words.py" line="36" />
            <source>brat standoff: one .txt and .ann per document (T, E, A and # lines) and the collection's annotation.conf</source>
            <translation>صيغة brat المنفصلة: ملف ‎.txt وملف ‎.ann لكل مستند (أسطر T وE وA و#) وملف annotation.conf للمجموعة</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer_words.py" line="38" />
            <source>doccano JSONL for sequence labelling (text, label: [[start, end, label]]), offsets in UTF-16 code units</source>
            <translation>doccano JSONL لوسم التسلسلات (text, label: [[start, end, label]])، والمواضع بوحدات UTF-16</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer_words.py" line="40" />
            <source>doccano JSONL for relation extraction (entities, relations; events as trigger-to-argument relations), offsets in UTF-16 code units</source>
            <translation>doccano JSONL لاستخراج العلاقات (كيانات وعلاقات؛ الأحداث علاقات من المُطلِق إلى عناصره)، والمواضع بوحدات UTF-16</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer_words.py" line="43" />
            <source>Label Studio JSON tasks (labels regions; events as relations), offsets in code points</source>
            <translation>مهام Label Studio بصيغة JSON (مناطق موسومة؛ الأحداث علاقات)، والمواضع بنقاط الترميز</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer_words.py" line="52" />
            <source>Span missing</source>
            <translation>مقطع ناقص</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer_words.py" line="53" />
            <source>Boundary</source>
            <translation>الحدود</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer_words.py" line="54" />
            <source>Label</source>
            <translation>الوسم</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer_words.py" line="55" />
            <source>Event missing</source>
            <translation>حدث ناقص</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer_words.py" line="56" />
            <source>Event type</source>
            <translation>نوع الحدث</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer_words.py" line="57" />
            <source>Event field</source>
            <translation>حقل حدث</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer_words.py" line="58" />
            <source>Document field</source>
            <translation>حقل مستند</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer_words.py" line="69" />
            <source>checking: documents read: {done}</source>
            <translation>جارٍ الفحص: المستندات المقروءة: {done}</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer_words.py" line="70" />
            <source>%v of %m documents</source>
            <translation>المستندات: %v من %m</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer_words.py" line="76" />
            <source>done</source>
            <translation>تم</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer_words.py" line="77" />
            <source>cancelled</source>
            <translation>أُلغي</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer_words.py" line="78" />
            <source>stopped</source>
            <translation>توقّف</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer_words.py" line="79" />
            <source>failed</source>
            <translation>فشل</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer_words.py" line="80" />
            <source>checked, nothing written</source>
            <translation>فُحص، ولم يُكتب شيء</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer_words.py" line="81" />
            <source>nothing written</source>
            <translation>لم يُكتب شيء</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer_words.py" line="82" />
            <source>nothing exported</source>
            <translation>لم يُصدَّر شيء</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer_words.py" line="83" />
            <source>nothing imported</source>
            <translation>لم يُستورد شيء</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer_words.py" line="67" />
            <source>checking: records read: {done}</source>
            <translation>جارٍ الفحص: السجلات المقروءة: {done}</translation>
        </message>
        <message>
            <location filename="annotator/gui/transfer_words.py" line="68" />
            <source>%v of %m records</source>
            <translation>السجلات: %v من %m</translation>
        </message>
    </context>
</TS>
